package cn.outbound.app.rules;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.outbound.app.web.ApiProblem;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.pack.RulePackLoader;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.service.audit.Writes;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Rule-pack editions an administrator publishes (say the 2025 revision of a list) without a new release: checked
 * exactly as the shipped ones are, stored in the database, audited, and in force for every decision from then on, on
 * every instance of a deployment: publishing or withdrawing raises the {@code rule-packs} row of {@code shared_version}
 * in the same transaction, and each instance compares it once per request ({@link #refreshIfChanged()}, called by
 * {@link RuleBookRefresh}) and reloads the editions when it changed (#13).
 */
@Component
class PublishedEditions {

	private static final Logger log = LoggerFactory.getLogger(PublishedEditions.class);

	private final RuleBooks books;

	private final DataSource dataSource;

	private final Writes writes;

	/** The {@code rule-packs} version the book in use was loaded at; -1: not known yet (checked on first use). */
	private volatile long seen = -1;

	PublishedEditions(RuleBooks books, DataSource dataSource, Writes writes) {
		this.books = books;
		this.dataSource = dataSource;
		this.writes = writes;
	}

	/**
	 * Reloads the published editions when another instance (or this one) published or withdrew one since they were
	 * loaded here: one primary-key read when nothing changed.
	 */
	void refreshIfChanged() throws SQLException {
		long now = version();
		if (now == this.seen) {
			return;
		}
		synchronized (this) {
			long again = version();
			if (again != this.seen) {
				this.books.replace(this.books.build(publishedNow()));
				this.seen = again;
			}
		}
	}

	private long version() throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c
			.prepareStatement("select version from shared_version where name = 'rule-packs'");
				ResultSet rs = ps.executeQuery()) {
			return rs.next() ? rs.getLong(1) : 0;
		}
	}

	private static void raiseVersion(Connection c) throws SQLException {
		try (PreparedStatement ps = c
			.prepareStatement("update shared_version set version = version + 1 where name = 'rule-packs'")) {
			ps.executeUpdate();
		}
	}

	/** The stored editions; one that no longer loads is left out with an error in the log. */
	static List<RulePack> load(DataSource dataSource) {
		List<RulePack> out = new ArrayList<>();
		try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select file_name, content from rule_pack_edition order by published_at"); ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				try {
					out.add(RulePackLoader.load(rs.getString(2).getBytes(StandardCharsets.UTF_8), rs.getString(1)));
				}
				catch (InvalidInputException ex) {
					log.error("Published rule pack {} no longer loads and is not used: {}", rs.getString(1), ex.getMessage());
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the published rule-pack editions", ex);
		}
		return out;
	}

	/** An edition an administrator published, as the database holds it. */
	record Stored(String packId, String edition, String fileName, String contentHash, String publishedBy,
			Instant publishedAt) {
	}

	/** Every published edition, oldest first: who published it and when. */
	List<Stored> stored() throws SQLException {
		List<Stored> out = new ArrayList<>();
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select pack_id, edition, file_name, content_hash, published_by, published_at from rule_pack_edition"
						+ " order by published_at");
				ResultSet rs = ps.executeQuery()) {
			while (rs.next()) {
				out.add(new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						rs.getTimestamp(6).toInstant()));
			}
		}
		return out;
	}

	/**
	 * Checks an edition against the schema, the semantic checks and the other editions.
	 * @throws ApiProblem 422 with every problem (pointer, line, column), or 409 when the edition exists
	 */
	RuleBook check(byte[] yaml, String fileName) {
		RulePack pack;
		try {
			pack = RulePackLoader.load(yaml, fileName);
		}
		catch (InvalidInputException ex) {
			throw ApiProblem.of(422, "invalid-rule-pack", "Invalid rule pack", ex.problems().size()
					+ " problem(s) in the rule pack; nothing was published. First: " + ex.problems().get(0).render(), ex.problems());
		}
		if (this.books.current().packs().edition(pack.id(), pack.edition()).isPresent()) {
			throw new ApiProblem(409, "edition-exists", "Edition exists", "Edition " + pack.edition() + " of " + pack.id()
					+ " is already loaded; an edition is never replaced, publish a new one.");
		}
		for (RulePack other : this.books.current().packs().editions(pack.id())) {
			if (!other.inForceFrom().isBefore(pack.inForceFrom()) && other.inForceUntil() == null) {
				throw new ApiProblem(409, "edition-order", "Edition does not follow the others", "Edition " + pack.edition()
						+ " of " + pack.id() + " comes into force on " + pack.inForceFrom() + ", not after edition "
						+ other.edition() + " (in force from " + other.inForceFrom() + "); a new edition must start later.");
			}
		}
		List<RulePack> published = new ArrayList<>(publishedNow());
		published.add(pack);
		try {
			return this.books.build(published);
		}
		catch (InvalidInputException ex) {
			throw ApiProblem.of(422, "invalid-rule-pack", "Rule pack does not fit", ex.problems().get(0).render(),
					ex.problems());
		}
	}

	RulePack publish(byte[] yaml, String fileName, String actor, String remote) throws SQLException {
		return publish(yaml, fileName, actor, remote, null);
	}

	/**
	 * Publishes an edition; with {@code impact} (the regulator's page, issue #13) the assessments it decides
	 * differently are stored with it, in the same transaction, for each organisation's notice.
	 */
	RulePack publish(byte[] yaml, String fileName, String actor, String remote, EditionImpact.Result impact)
			throws SQLException {
		RuleBook book = check(yaml, fileName);
		RulePack pack = RulePackLoader.load(yaml, fileName);
		this.writes.submit((c, audit) -> {
			try (PreparedStatement ps = c.prepareStatement("insert into rule_pack_edition (pack_id, edition, file_name, content,"
					+ " content_hash, published_by, published_at) values (?, ?, ?, ?, ?, ?, ?)")) {
				ps.setString(1, pack.id());
				ps.setString(2, pack.edition());
				ps.setString(3, fileName);
				ps.setString(4, new String(yaml, StandardCharsets.UTF_8));
				ps.setString(5, pack.contentHash());
				ps.setString(6, actor);
				ps.setTimestamp(7, Timestamp.from(Instant.now()));
				ps.executeUpdate();
			}
			raiseVersion(c);
			audit.append(actor, "RULE_PACK_PUBLISHED", "rule-pack:" + pack.key(), remote,
					"inForceFrom=" + pack.inForceFrom() + " hash=" + pack.contentHash());
			if (impact != null) {
				try (PreparedStatement ps = c.prepareStatement("insert into edition_impact_case (pack_id, edition,"
						+ " assessment_id, outcome_before, outcome_after, items_changed) values (?, ?, ?, ?, ?, ?)")) {
					for (EditionImpact.Case k : impact.cases()) {
						ps.setString(1, pack.id());
						ps.setString(2, pack.edition());
						ps.setLong(3, k.assessmentId());
						ps.setString(4, k.before());
						ps.setString(5, k.after());
						ps.setString(6, cn.outbound.service.assessment.AssessmentStore.joinItems(k.items()));
						ps.addBatch();
					}
					ps.executeBatch();
				}
				audit.append(actor, "EDITION_IMPACT_RECORDED", "rule-pack:" + pack.key(), remote, "year=" + impact.year()
						+ " assessments=" + impact.assessments() + " changed=" + impact.cases().size());
			}
			return null;
		});
		this.books.replace(book);
		return pack;
	}

	void withdraw(String id, String edition, String actor, String remote) throws SQLException {
		if (this.books.shipped(id, edition)) {
			throw new ApiProblem(409, "edition-shipped", "Shipped edition",
					"Edition " + edition + " of " + id + " ships with the server and cannot be withdrawn.");
		}
		int n = this.writes.submit((c, audit) -> {
			try (PreparedStatement cases = c.prepareStatement(
					"delete from edition_impact_case where pack_id = ? and edition = ?")) {
				cases.setString(1, id);
				cases.setString(2, edition);
				cases.executeUpdate();
			}
			try (PreparedStatement ps = c.prepareStatement("delete from rule_pack_edition where pack_id = ? and edition = ?")) {
				ps.setString(1, id);
				ps.setString(2, edition);
				int rows = ps.executeUpdate();
				if (rows > 0) {
					raiseVersion(c);
					audit.append(actor, "RULE_PACK_WITHDRAWN", "rule-pack:" + id + "@" + edition, remote, null);
				}
				return rows;
			}
		});
		if (n == 0) {
			throw ApiProblem.notFound("No published edition " + edition + " of " + id + ".");
		}
		this.books.replace(this.books.build(publishedNow()));
	}

	/** The YAML of an edition: as published, or as shipped ({@code rulepacks/ID-EDITION.yaml}); empty if neither. */
	java.util.Optional<String> source(String id, String edition) throws SQLException {
		try (Connection c = this.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
				"select content from rule_pack_edition where pack_id = ? and edition = ?")) {
			ps.setString(1, id);
			ps.setString(2, edition);
			try (ResultSet rs = ps.executeQuery()) {
				if (rs.next()) {
					return java.util.Optional.of(rs.getString(1));
				}
			}
		}
		try (java.io.InputStream in = PublishedEditions.class.getClassLoader()
			.getResourceAsStream(cn.outbound.rules.pack.RulePacks.BUILT_IN + id + "-" + edition + ".yaml")) {
			return (in != null) ? java.util.Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8))
					: java.util.Optional.empty();
		}
		catch (java.io.IOException ex) {
			return java.util.Optional.empty();
		}
	}

	private List<RulePack> publishedNow() {
		return load(this.dataSource);
	}

}
