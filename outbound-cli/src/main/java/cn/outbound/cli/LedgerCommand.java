package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.outbound.rules.Basis;
import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.EventSummary;
import cn.outbound.ledger.Headroom;
import cn.outbound.ledger.IdentifierSource;
import cn.outbound.ledger.IngestListener;
import cn.outbound.ledger.IngestOptions;
import cn.outbound.ledger.InvalidIdentifiersException;
import cn.outbound.ledger.InvalidRow;
import cn.outbound.ledger.Ledger;
import cn.outbound.ledger.LedgerCounts;
import cn.outbound.ledger.db.LedgerException;
import cn.outbound.ledger.LedgerInputException;
import cn.outbound.ledger.LedgerJson;
import cn.outbound.ledger.LedgerKey;
import cn.outbound.ledger.LedgerStatus;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.Persons;
import cn.outbound.ledger.RecordResult;
import cn.outbound.ledger.WhatIf;
import cn.outbound.pii.IdentifierKind;
import cn.outbound.service.Services;
import cn.outbound.service.filing.ApprovalWatch;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.ledger.LedgerService;
import cn.outbound.tables.TableFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code outbound ledger ...}: the ledger of persons exported per processor and year (issue #4). Subcommands
 * {@code record}, {@code status}, {@code history}, {@code what-if} and {@code counts}. The database is
 * {@code OUTBOUND_DB_URL} or the embedded H2 file in {@code ./data}; the key is {@code OUTBOUND_LEDGER_KEY} (generated
 * into {@code ./data/ledger.key} for the embedded database). Exit status: 0 done, 2 invalid input (the message names
 * the option and what is allowed), 1 anything else. Raw identifiers are never printed: invalid values are masked.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, sortOptions = false,
		subcommands = { LedgerCommand.Record.class, LedgerCommand.Status.class, LedgerCommand.History.class,
				LedgerCommand.WhatIfCommand.class, LedgerCommand.Counts.class },
		description = { "The ledger of persons exported, counted exactly per processor and year.",
				"出境个人信息台账：按处理者、按年度精确去重计数。", "",
				"Database: $OUTBOUND_DB_URL (default: the H2 file ./data/outbound).",
				"Key: $OUTBOUND_LEDGER_KEY (default database without it: generated into ./data/ledger.key).",
				"Exempt bases are kept apart, not counted, unless $OUTBOUND_COUNT_EXEMPT_BASES=true.",
				"Exit status: 0 done, 2 invalid input, 1 other error." })
final class LedgerCommand implements Callable<Integer> {

	/** The environment the commands read; tests replace it. */
	static Map<String, String> environment;

	@Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter err = this.spec.commandLine().getErr();
		err.println("error: a subcommand is required: record, status, history, what-if or counts");
		this.spec.commandLine().usage(err);
		return Outbound.INVALID;
	}

	static Map<String, String> env() {
		return (environment != null) ? environment : System.getenv();
	}

	enum Format {

		text, json

	}

	/** What the ledger subcommands share: the processor, the output format, opening the ledger, errors. */
	abstract static class LedgerSubcommand implements Callable<Integer> {

		@Spec
		CommandLine.Model.CommandSpec spec;

		@Option(names = "--processor", required = true, paramLabel = "P",
				description = "The processor's ledger id (a scenario's processor.id).")
		String processor;

		@Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
				description = "text (default) or json.")
		Format format;

		@Option(names = "--jurisdiction", defaultValue = LedgerService.DEFAULT_JURISDICTION, paramLabel = "J",
				description = "Whose thresholds measure headroom and alerts: those of J's edition in force on the date "
						+ "(default: ${DEFAULT-VALUE}, as assess).")
		String jurisdiction;

		@Option(names = "--rules-dir", paramLabel = "DIR",
				description = "Also load every *.yaml rule pack in DIR (e.g. a new edition). Default: $OUTBOUND_RULES_DIR.")
		java.nio.file.Path rulesDir;

		@CommandLine.Mixin
		OrgOption orgOption = new OrgOption();

		/** The organisation whose ledger this is (#13), checked before the command runs. */
		String org;

		PrintWriter out;

		PrintWriter err;

		/** The application layer, when {@link #writes()}. */
		Services services;

		abstract int run(LedgerService ledger) throws IOException;

		/** Checks the options before the database is opened. */
		void validate() {
		}

		/** Whether the command changes the ledger, and so needs the audit log's writer. */
		boolean writes() {
			return false;
		}

		@Override
		public final Integer call() {
			this.out = this.spec.commandLine().getOut();
			this.err = this.spec.commandLine().getErr();
			try {
				validate();
				try (Ledger ledger = LedgerService.openLedger(Db.settings(), env(),
						notice -> this.err.println("outbound: " + notice));
						Services services = writes() ? Db.open() : null) {
					this.services = services;
					this.org = (services != null) ? this.orgOption.existing(services) : this.orgOption.id();
					return run(new LedgerService(ledger, () -> RuleOptions.packs(this.rulesDir),
							(services != null) ? services.writes() : null));
				}
			}
			catch (InvalidIdentifiersException ex) {
				this.err.println("error: --ids: " + ex.getMessage());
				printInvalid(this.err, ex.rows(), ex.invalidCount());
				if (this.format == Format.json) {
					this.out.println(LedgerJson.pretty(LedgerJson.rejected(ex)));
				}
				return Outbound.INVALID;
			}
			catch (LedgerInputException ex) {
				this.err.println("error: " + describe(ex));
				return Outbound.INVALID;
			}
			catch (IllegalArgumentException ex) {
				this.err.println("error: " + ex.getMessage());
				return Outbound.INVALID;
			}
			catch (java.sql.SQLException ex) {
				this.err.println("error: " + Errors.describe(ex));
				return Outbound.FAILED;
			}
			catch (TableFormatException ex) {
				this.err.println("error: --ids: " + ex.getMessage());
				return Outbound.INVALID;
			}
			catch (NoSuchFileException ex) {
				this.err.println("error: --ids: no such file: " + ex.getFile());
				return Outbound.INVALID;
			}
			catch (IOException ex) {
				this.err.println("error: --ids: cannot read the file: " + Errors.describe(ex));
				return Outbound.FAILED;
			}
			catch (LedgerException ex) {
				this.err.println("error: " + Errors.describe(ex));
				return Outbound.FAILED;
			}
			finally {
				this.out.flush();
				this.err.flush();
			}
		}

	}

	/** The options that name a file of identifiers. */
	static final class IdsOptions {

		@Option(names = "--ids", required = true, paramLabel = "FILE",
				description = "CSV/TSV (UTF-8 or GBK, any common delimiter), JSON Lines, .xlsx (every sheet with data; each "
						+ "must have --column) or Parquet; '-' for standard input.")
		String ids;

		@Option(names = "--column", required = true, paramLabel = "COL",
				description = "The column with the identifiers: its header name or its number (from 1).")
		String column;

		@Option(names = "--sensitive",
				description = "The file's persons are exported with sensitive personal information (counted as sensitiveIndividuals).")
		boolean sensitive;

		@Option(names = "--kind", defaultValue = "auto", paramLabel = "KIND",
				description = "resident-id, mobile, email, passport, opaque, or auto (default: told per value; "
						+ "give the kind to have every value checked against it).")
		String kind;

		Persons open() throws IOException {
			IdentifierKind k = LedgerService.kind(this.kind);
			return new Persons(PersonClass.of(this.sensitive), k, "-".equals(this.ids)
					? IdentifierSource.column(System.in, "stdin", this.column, Path.of(System.getProperty("java.io.tmpdir")))
					: IdentifierSource.column(Path.of(this.ids), this.column));
		}

		void validate() {
			LedgerService.kind(this.kind);
			if (!"-".equals(this.ids) && !Files.isRegularFile(Path.of(this.ids))) {
				throw new LedgerInputException("ids", "no such file: " + this.ids);
			}
		}

	}

	@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Record an export event: the persons of one file, under an event key.",
					"Re-sending the same event under its key changes nothing; a different one under a used key is refused.",
					"A file with invalid rows records nothing unless --skip-invalid is given." })
	static final class Record extends LedgerSubcommand {

		@Option(names = "--date", required = true, paramLabel = "D", converter = DateConverter.class,
				description = "The export's date, yyyy-MM-dd (calendar of Asia/Shanghai).")
		LocalDate date;

		@Option(names = "--basis", defaultValue = "NONE", paramLabel = "B", converter = BasisConverter.class,
				description = "One of ${COMPLETION-CANDIDATES}: NONE (default) is counted, the others are exempt.")
		Basis basis;

		@Option(names = "--event-key", required = true, paramLabel = "K",
				description = "Your key for this event (e.g. the export batch id); it makes re-sending safe.")
		String eventKey;

		@Option(names = "--recipient", paramLabel = "R", description = "The recipient abroad.")
		String recipient;

		@Option(names = "--assessment", paramLabel = "ID", description = "The stored assessment that decided this export.")
		String assessment;

		@Option(names = "--skip-invalid", description = "Record the valid rows when some are invalid (they are still reported).")
		boolean skipInvalid;

		@CommandLine.Mixin
		IdsOptions idsOptions = new IdsOptions();

		@Override
		void validate() {
			new EventSpec(this.processor, this.eventKey, this.date, this.recipient, this.basis, this.assessment);
			this.idsOptions.validate();
		}

		@Override
		boolean writes() {
			return true;
		}

		@Override
		int run(LedgerService ledger) throws IOException {
			EventSpec event = new EventSpec(this.processor, this.eventKey, this.date, this.recipient, this.basis,
					this.assessment);
			IngestOptions options = IngestOptions.DEFAULT.withSkipInvalid(this.skipInvalid)
				.withListener(progress(this.err));
			RecordResult r = ledger.record(this.org, event, List.of(this.idsOptions.open()), options, Actor.commandLine(),
					ex -> unaudited(this.err, ex));
			if (this.format == Format.json) {
				this.out.println(LedgerJson.pretty(LedgerJson.record(r)));
				return Outbound.OK;
			}
			EventSpec e = r.event();
			if (r.outcome() == RecordResult.Outcome.ALREADY_RECORDED) {
				this.out.printf(Locale.ROOT, "Event '%s' of %s was already recorded with these persons: nothing changed.%n",
						e.eventKey(), e.processor());
			}
			else {
				this.out.printf(Locale.ROOT, "Recorded event '%s' of %s on %s: basis %s (%s)%s%n", e.eventKey(),
						e.processor(), e.date(), e.basis(), r.counted() ? "counted" : "exempt, kept apart",
						(e.recipient() != null) ? ", recipient " + e.recipient() : "");
			}
			this.out.printf(Locale.ROOT, "  rows read %,d%s%n", r.rowsRead(),
					(r.invalidRows() > 0) ? String.format(Locale.ROOT, ", invalid rows skipped %,d", r.invalidRows()) : "");
			for (RecordResult.Part p : r.parts()) {
				this.out.printf(Locale.ROOT, "  %s: %,d identifiers, %,d persons, %,d new this year%n",
						label(p.personClass()), p.identifiers(), p.persons(), p.newThisYear());
			}
			printInvalid(this.out, r.invalidSamples(), r.invalidRows());
			LedgerStatus s = ledger.afterRecord(this.org, event, this.jurisdiction);
			this.out.printf(Locale.ROOT, "%s in %d so far: %,d persons counted, %,d with sensitive PI.%n", e.processor(),
					e.year(), s.individuals(), s.sensitiveIndividuals());
			for (Headroom h : s.alerts()) {
				this.out.println("  ALERT " + describe(h));
			}
			return Outbound.OK;
		}

	}

	@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "Counted and exempt persons of a processor's year, and the headroom to each threshold." })
	static final class Status extends LedgerSubcommand {

		@Option(names = "--year", paramLabel = "Y", description = "The year (default: this year in Asia/Shanghai).")
		Integer year;

		@Option(names = "--as-of", paramLabel = "D", converter = DateConverter.class,
				description = "Count up to and including this day (default: today, or 31 December for a past year).")
		LocalDate asOf;

		@Override
		void validate() {
			LedgerService.checkYear(this.year);
			if (this.year != null && this.asOf != null && this.asOf.getYear() != this.year) {
				throw new LedgerInputException("as-of", "--as-of " + this.asOf + " is not in --year " + this.year);
			}
		}

		/** Reads the approved filings (the application's tables) for the notices of art. 38 and art. 28. */
		@Override
		boolean writes() {
			return true;
		}

		@Override
		int run(LedgerService ledger) {
			LedgerStatus s = ledger.status(this.org, this.processor, this.year, this.asOf, this.jurisdiction);
			List<ApprovalWatch.Notice> notices = FilingLifeCommands.notices(this.services, this.org, s,
					() -> RuleOptions.packs(this.rulesDir));
			if (this.format == Format.json) {
				var node = LedgerJson.status(s);
				node.set("notices", tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.valueToTree(ApprovalWatch.toJson(notices)));
				this.out.println(LedgerJson.pretty(node));
				return Outbound.OK;
			}
			printStatus(this.out, s);
			for (ApprovalWatch.Notice n : notices) {
				this.out.println("! " + n.text().en());
				this.out.println("  " + n.text().zh());
			}
			return Outbound.OK;
		}

	}

	@Command(name = "history", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "A processor's year month by month, per recipient, per basis, and its events." })
	static final class History extends LedgerSubcommand {

		@Option(names = "--year", paramLabel = "Y", description = "The year (default: this year in Asia/Shanghai).")
		Integer year;

		@Override
		void validate() {
			LedgerService.checkYear(this.year);
		}

		@Override
		int run(LedgerService ledger) {
			LedgerStatus s = ledger.status(this.org, this.processor, this.year, null, this.jurisdiction);
			List<EventSummary> events = ledger.events(this.org, this.processor, s.year());
			if (this.format == Format.json) {
				var node = LedgerJson.status(s);
				node.set("eventList", LedgerJson.events(events));
				this.out.println(LedgerJson.pretty(node));
				return Outbound.OK;
			}
			printStatus(this.out, s);
			this.out.println();
			this.out.println("Month     counted (cumulative)        new this month          exempt (cumulative)");
			for (LedgerStatus.Month m : s.months()) {
				this.out.printf(Locale.ROOT, "%s  %,12d %,10d   %,12d %,10d   %,12d %,10d%n", m.month(), m.individuals(),
						m.sensitiveIndividuals(), m.newIndividuals(), m.newSensitiveIndividuals(),
						m.exempt().individuals(), m.exempt().sensitiveIndividuals());
			}
			this.out.println("          (non-sensitive, sensitive in each pair)");
			if (!s.recipients().isEmpty()) {
				this.out.println();
				this.out.println("Per recipient: counted persons (non-sensitive, sensitive); exempt");
				for (LedgerStatus.Recipient r : s.recipients()) {
					this.out.printf(Locale.ROOT, "  %-30s %,12d %,10d; exempt %,d / %,d%n",
							r.recipient().isEmpty() ? "(none given)" : r.recipient(), r.individuals(),
							r.sensitiveIndividuals(), r.exempt().individuals(), r.exempt().sensitiveIndividuals());
				}
			}
			if (!s.bases().isEmpty()) {
				this.out.println();
				this.out.println("Per basis: persons (non-sensitive, sensitive)");
				for (LedgerStatus.BasisCounts b : s.bases()) {
					this.out.printf(Locale.ROOT, "  %-15s %,12d %,10d  %s%n", b.basis(), b.individuals(),
							b.sensitiveIndividuals(), b.counted() ? "counted" : "exempt, not counted");
				}
			}
			this.out.println();
			this.out.println("Events:");
			for (EventSummary e : events) {
				StringBuilder parts = new StringBuilder();
				for (RecordResult.Part p : e.parts()) {
					parts.append(String.format(Locale.ROOT, "; %s %,d persons (%,d new)", label(p.personClass()),
							p.persons(), p.newThisYear()));
				}
				this.out.printf(Locale.ROOT, "  %s  %-20s %-15s %s%s%n", e.event().date(), e.event().eventKey(),
						e.event().basis(), (e.event().recipient() != null) ? e.event().recipient() : "-", parts);
			}
			return Outbound.OK;
		}

	}

	@Command(name = "what-if", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "How many new persons a file would add to the year, before recording it. Records nothing." })
	static final class WhatIfCommand extends LedgerSubcommand {

		@Option(names = "--date", paramLabel = "D", converter = DateConverter.class,
				description = "The planned export's date (default: today in Asia/Shanghai).")
		LocalDate date;

		@Option(names = "--basis", defaultValue = "NONE", paramLabel = "B", converter = BasisConverter.class,
				description = "The planned basis, one of ${COMPLETION-CANDIDATES} (default NONE).")
		Basis basis;

		@CommandLine.Mixin
		IdsOptions idsOptions = new IdsOptions();

		@Override
		void validate() {
			this.idsOptions.validate();
		}

		@Override
		int run(LedgerService ledger) throws IOException {
			WhatIf w = ledger.whatIf(this.org, this.processor, this.date, this.basis, this.idsOptions.open(), this.jurisdiction);
			if (this.format == Format.json) {
				this.out.println(LedgerJson.pretty(LedgerJson.whatIf(w)));
				return Outbound.OK;
			}
			this.out.printf(Locale.ROOT, "What if %s exported this file on %s under basis %s (%s):%n", w.processor(),
					w.date(), w.basis(), label(w.personClass()));
			this.out.printf(Locale.ROOT, "  rows read %,d%s%n", w.rowsRead(), (w.invalidRows() > 0)
					? String.format(Locale.ROOT, ", invalid rows %,d (not counted)", w.invalidRows()) : "");
			this.out.printf(Locale.ROOT, "  persons in the file %,d: already recorded in %d %,d, new %,d%n", w.persons(),
					w.date().getYear(), w.alreadyRecorded(), w.newPersons());
			if (w.counted()) {
				this.out.printf(Locale.ROOT, "  counted persons (%s): %,d -> %,d%n", label(w.personClass()), w.before(),
						w.after());
			}
			else {
				this.out.printf(Locale.ROOT, "  basis %s is exempt: the counted persons stay at %,d%n", w.basis(),
						w.before());
			}
			for (Headroom h : w.thresholds()) {
				this.out.println("  after it: " + describe(h));
			}
			printInvalid(this.out, w.invalidSamples(), w.invalidRows());
			return Outbound.OK;
		}

	}

	@Command(name = "counts", mixinStandardHelpOptions = true, sortOptions = false,
			description = { "The counted persons from 1 January up to a date: what an assessment takes as priorThisYear." })
	static final class Counts extends LedgerSubcommand {

		@Option(names = "--date", required = true, paramLabel = "D", converter = DateConverter.class,
				description = "The last day included, yyyy-MM-dd.")
		LocalDate date;

		@Override
		int run(LedgerService ledger) {
			LedgerCounts c = ledger.counts(this.org, this.processor, this.date);
			if (this.format == Format.json) {
				this.out.println(LedgerJson.pretty(LedgerJson.counts(c)));
				return Outbound.OK;
			}
			this.out.printf(Locale.ROOT, "%s from %d-01-01 to %s: %,d persons counted, %,d with sensitive PI (%,d events)%s%n",
					c.processor(), c.asOf().getYear(), c.asOf(), c.individuals(), c.sensitiveIndividuals(), c.events(),
					c.exemptBasesCounted() ? "; exempt bases counted too" : "");
			return Outbound.OK;
		}

	}

	// ------------------------------------------------------------------ shared

	/**
	 * The ledger event was committed but its audit entry could not be written: the command still succeeds, and says
	 * so.
	 */
	static void unaudited(PrintWriter err, Exception ex) {
		err.println("outbound: warning: the ledger event was recorded but could not be audited: " + Errors.describe(ex));
	}

	static void printStatus(PrintWriter out, LedgerStatus s) {
		out.printf(Locale.ROOT, "Processor %s, %d, as of %s (Asia/Shanghai)%n", s.processor(), s.year(), s.asOf());
		out.printf(Locale.ROOT, "Counted persons:   %,d non-sensitive, %,d sensitive%s%n", s.individuals(),
				s.sensitiveIndividuals(), s.exemptBasesCounted() ? " (exempt bases counted too)" : "");
		out.printf(Locale.ROOT, "Exempt bases:      %,d non-sensitive, %,d sensitive%s%n", s.exempt().individuals(),
				s.exempt().sensitiveIndividuals(), s.exemptBasesCounted() ? "" : " (kept apart, not counted)");
		out.printf(Locale.ROOT, "Events:            %,d%s%n", s.events(),
				(s.lastEventDate() != null) ? ", last on " + s.lastEventDate() : "");
		out.println("Headroom (" + s.thresholdSource() + "):");
		for (Headroom h : s.thresholds()) {
			out.println("  " + describe(h));
		}
	}

	static String describe(Headroom h) {
		String state = h.reached() ? "REACHED"
				: String.format(Locale.ROOT, "%,d to go%s", h.headroom(), (h.alert() > 0) ? " (alert " + h.alert() + " %)" : "");
		return String.format(Locale.ROOT, "%-18s %,12d of %,12d  %5.1f %%  %s", h.id(), h.count(), h.limit(),
				h.percent(), state);
	}

	static String label(PersonClass c) {
		return c.sensitive() ? "sensitive" : "non-sensitive";
	}

	static void printInvalid(PrintWriter w, List<InvalidRow> rows, long total) {
		int shown = 0;
		for (InvalidRow r : rows) {
			if (shown++ == 20) {
				break;
			}
			w.println("  " + ((r.row() >= 0) ? "line " + r.row() : "a line") + ": "
					+ (r.maskedValue().isEmpty() ? "" : r.maskedValue() + ": ") + r.reason());
		}
		if (total > Math.min(shown, 20)) {
			w.printf(Locale.ROOT, "  (%,d invalid rows in all)%n", total);
		}
	}

	/**
	 * A problem with an option, naming it: {@code --year 3000 is out of range…} when the message starts with the field,
	 * else {@code --option: message}.
	 */
	static String describe(LedgerInputException ex) {
		String field = ex.field();
		String option = option(field);
		String message = ex.getMessage();
		if (field != null && !option.equals(field) && message.startsWith(field + " ")) {
			return option + message.substring(field.length());
		}
		return option + ": " + message;
	}

	static String option(String field) {
		if (field == null) {
			return "input";
		}
		if (field.equals(LedgerKey.ENV) || field.startsWith("OUTBOUND_")) {
			return field;
		}
		return "--" + field;
	}

	/** Progress on standard error for a person at a terminal, every million rows. */
	static IngestListener progress(PrintWriter err) {
		if (System.console() == null) {
			return IngestListener.NONE;
		}
		return new IngestListener() {

			private long lastMillion;

			@Override
			public void rows(long rowsRead) {
				if (rowsRead / 1_000_000 > this.lastMillion) {
					this.lastMillion = rowsRead / 1_000_000;
					err.printf(Locale.ROOT, "\r  %,d rows read", rowsRead);
					err.flush();
				}
			}

			@Override
			public void phase(Phase phase) {
				if (phase == Phase.WRITING && this.lastMillion > 0) {
					err.println();
					err.println("  writing to the ledger...");
				}
			}

		};
	}

	static final class DateConverter implements ITypeConverter<LocalDate> {

		@Override
		public LocalDate convert(String value) {
			try {
				return LocalDate.parse(value.strip());
			}
			catch (DateTimeParseException ex) {
				throw new TypeConversionException(
						"'" + value + "' is not a date: use yyyy-MM-dd (calendar of Asia/Shanghai)");
			}
		}

	}

	static final class BasisConverter implements ITypeConverter<Basis> {

		@Override
		public Basis convert(String value) {
			try {
				return EventSpec.basis(value);
			}
			catch (LedgerInputException ex) {
				throw new TypeConversionException(ex.getMessage());
			}
		}

	}

}
