package cn.outbound.service.ledger;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.EventSummary;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerCounts;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.ledger.Thresholds;
import cn.outbound.ledger.WhatIf;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.rules.Basis;
import cn.outbound.rules.pack.RulePacks;
import cn.outbound.scan.ScanReport;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.db.DatabaseSettings;
import cn.outbound.service.org.Organisations;

/**
 * The ledger as every door uses it (the REST API and the page, {@code outbound ledger}, {@code outbound scan
 * --record-to-ledger}): recording an export event with its audit entry, and a processor's status, history, what-if
 * and counts measured against the thresholds of the edition in force, asked of the rule packs in one way. Every call
 * names the caller's organisation: its processors are kept under their ledger keys ({@link Organisations#ledgerKey}),
 * so one organisation never reads or adds to another's (issue #13).
 */
public final class LedgerService {

	/** The audit action of an export event written to the ledger. */
	public static final String RECORD_ACTION = "LEDGER_RECORD";

	/** Whose thresholds a status measures against when the caller names none: the list, as a scenario's default. */
	public static final String DEFAULT_JURISDICTION = ScanReport.DRAFT_JURISDICTION;

	private final Ledger ledger;

	private final Supplier<RulePacks> packs;

	private final Writes writes;

	/**
	 * @param packs the rule packs in force now (the server's change when an administrator publishes an edition)
	 * @param writes the single writer that audits a recorded event, or {@code null} for a service that only reads
	 */
	public LedgerService(Ledger ledger, Supplier<RulePacks> packs, Writes writes) {
		this.ledger = ledger;
		this.packs = packs;
		this.writes = writes;
	}

	/**
	 * Opens the ledger in the database {@code settings} name ({@link DatabaseSettings#ledgerEnvironment}); the caller
	 * closes it.
	 * @param env the process environment (the ledger's own settings: spill directory, threads, exempt bases)
	 * @param notices told about a generated key (print it to the user)
	 */
	public static Ledger openLedger(DatabaseSettings settings, Map<String, String> env, Consumer<String> notices) {
		return Ledger.fromEnvironment(settings.ledgerEnvironment(env), notices);
	}

	public Ledger ledger() {
		return this.ledger;
	}

	// ---------------------------------------------------------------- record

	/**
	 * Records an export event and then appends its audit entry ({@value #RECORD_ACTION}, target
	 * {@code ledger:PROCESSOR/EVENT-KEY}, the date, basis, rows read and invalid rows, never an identifier) through the
	 * single writer. An event already recorded (nothing changed) is not audited again. The event is committed before
	 * its entry is appended: when the entry cannot be written, {@code auditFailed} is told and the event stays.
	 */
	public RecordResult record(String orgId, EventSpec event, List<Persons> persons, IngestOptions options, Actor actor,
			Consumer<Exception> auditFailed) {
		if (this.writes == null) {
			throw new IllegalStateException("this ledger service only reads: it has no writer to audit with");
		}
		RecordResult r = this.ledger.record(keyed(orgId, event), persons, options);
		try {
			audit(this.writes, actor, r);
		}
		catch (SQLException | RuntimeException ex) {
			auditFailed.accept(ex);
		}
		return r;
	}

	/**
	 * The audit entry of a recorded event, the same whatever the door; public for an event recorded outside this
	 * service (the Spark job records from its executors' output, then the CLI audits it here).
	 */
	public static void audit(Writes writes, Actor actor, RecordResult r) throws SQLException {
		if (r.outcome() == RecordResult.Outcome.ALREADY_RECORDED) {
			return;
		}
		String target = "ledger:" + r.event().processor() + "/" + r.event().eventKey();
		String details = "date=" + r.event().date() + " basis=" + r.event().basis() + " rows=" + r.rowsRead()
				+ " invalid=" + r.invalidRows();
		writes.submit((c, audit) -> {
			audit.append(actor.name(), RECORD_ACTION, target, actor.remote(), details);
			return null;
		});
	}

	// ---------------------------------------------------------------- read

	/**
	 * The threshold lines of {@code jurisdiction}'s edition in force on {@code day} ({@link Thresholds#inForce}, the
	 * one answer the engine uses too); {@link Thresholds#NONE} on a day before any edition with them.
	 * @throws LedgerInputException ({@code jurisdiction}) naming the loaded packs when there is no such pack
	 */
	public Thresholds thresholds(String jurisdiction, LocalDate day) {
		RulePacks p = this.packs.get();
		if (jurisdiction == null || !p.ids().contains(jurisdiction)) {
			throw new LedgerInputException("jurisdiction", "jurisdiction '" + jurisdiction
					+ "' is not a loaded rule pack; allowed: " + String.join(", ", p.ids()));
		}
		return Thresholds.inForce(p, jurisdiction, day).orElse(Thresholds.NONE);
	}

	/** The day whose thresholds measure year {@code year}: today in the current year, else 31 December. */
	public LocalDate thresholdDay(int year) {
		LocalDate today = this.ledger.today();
		return (year == today.getYear()) ? today : LocalDate.of(year, 12, 31);
	}

	/**
	 * A processor's year against {@code jurisdiction}'s thresholds: up to {@code asOf} when given (its year), else the
	 * ledger's default day of {@code year} (this year when null).
	 * @throws LedgerInputException for a year out of range, an as-of day outside the year, an unknown jurisdiction
	 */
	public LedgerStatus status(String orgId, String processor, Integer year, LocalDate asOf, String jurisdiction) {
		checkYear(year);
		processor = key(orgId, processor);
		if (asOf != null) {
			if (year != null && asOf.getYear() != year) {
				throw new LedgerInputException("as-of", "as-of " + asOf + " is not in year " + year);
			}
			return this.ledger.status(processor, asOf.getYear(), asOf, thresholds(jurisdiction, asOf));
		}
		int y = (year != null) ? year : this.ledger.today().getYear();
		return this.ledger.status(processor, y, thresholds(jurisdiction, thresholdDay(y)));
	}

	/** The status of an event's year after it was recorded: every event of the year counted, alerts at its date. */
	public LedgerStatus afterRecord(String orgId, EventSpec event, String jurisdiction) {
		return this.ledger.status(key(orgId, event.processor()), event.year(), LocalDate.of(event.year(), 12, 31),
				thresholds(jurisdiction, event.date()));
	}

	public List<EventSummary> events(String orgId, String processor, int year) {
		return this.ledger.events(key(orgId, processor), year);
	}

	/** What {@code persons} would add to the year of {@code date} (today when null); records nothing. */
	public WhatIf whatIf(String orgId, String processor, LocalDate date, Basis basis, Persons persons,
			String jurisdiction) {
		LocalDate d = (date != null) ? date : this.ledger.today();
		return this.ledger.whatIf(key(orgId, processor), d, basis, persons, thresholds(jurisdiction, d));
	}

	/** The counted persons from 1 January up to {@code date}: what an assessment takes as its prior counts. */
	public LedgerCounts counts(String orgId, String processor, LocalDate date) {
		return this.ledger.countsUpTo(key(orgId, processor), date);
	}

	/**
	 * The ledger key of an organisation's processor.
	 * @throws LedgerInputException ({@code processor}) when it is too long to be kept with the organisation's prefix
	 */
	public static String key(String orgId, String processor) {
		try {
			return Organisations.ledgerKey(orgId, processor);
		}
		catch (IllegalArgumentException ex) {
			throw new LedgerInputException("processor", ex.getMessage());
		}
	}

	/** The event as the ledger keeps it: its processor under the organisation's key. */
	static EventSpec keyed(String orgId, EventSpec e) {
		return new EventSpec(key(orgId, e.processor()), e.eventKey(), e.date(), e.recipient(), e.basis(),
				e.assessmentId());
	}

	/**
	 * @throws LedgerInputException ({@code year}) unless {@code year} is null or from 2000 to 2999
	 */
	public static void checkYear(Integer year) {
		if (year != null && (year < 2000 || year > 2999)) {
			throw new LedgerInputException("year", "year " + year + " is out of range: expected 2000 to 2999");
		}
	}

	/**
	 * The identifier kind a person names ({@code resident-id}, {@code mobile}, {@code email}, {@code passport},
	 * {@code opaque}, any case, {@code _} or {@code -}), or {@link Persons#AUTO} for {@code auto}.
	 * @throws LedgerInputException ({@code kind}) naming the kinds allowed
	 */
	public static IdentifierKind kind(String value) {
		String v = (value == null) ? "" : value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
		if (v.equals("AUTO")) {
			return Persons.AUTO;
		}
		for (IdentifierKind k : IdentifierKind.values()) {
			if (k.name().equals(v)) {
				return k;
			}
		}
		throw new LedgerInputException("kind",
				"'" + value + "' is not one of resident-id, mobile, email, passport, opaque, auto");
	}

}
