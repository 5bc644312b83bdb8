package cn.outbound.app.rules;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import cn.outbound.app.web.BeijingTime;
import cn.outbound.app.zone.Suppression;
import cn.outbound.rules.engine.Decision;
import cn.outbound.rules.engine.PriorCounts;
import cn.outbound.rules.pack.RulePack;
import cn.outbound.rules.scenario.Scenario;
import cn.outbound.rules.source.InvalidInputException;
import cn.outbound.rules.source.Node;
import cn.outbound.service.decision.Deciding;
import cn.outbound.service.decision.RejectedRequest;
import cn.outbound.service.decision.RuleBook;
import cn.outbound.service.decision.RuleBooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * The impact of a draft edition (issue #13 item 4): every assessment stored this year re-decided, by the engine and
 * prior counts {@link Deciding} uses, once under the book in force and once under the book with the draft; an
 * assessment whose export date lies before the draft comes into force is decided as if exported on that date, both
 * times, so that only the list differs. Cases are kept per assessment (for the organisations' notices); the zone
 * sees counts only, suppressed by {@link Suppression}.
 */
@Component
public final class EditionImpact {

	/** The outcome of an assessment whose scenario no longer reads under the draft (an item it names was removed). */
	static final String UNREADABLE = "UNREADABLE";

	/** The item key of a change no list item accounts for (thresholds of personal information, flags). */
	static final String OTHER = "other";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final RuleBooks books;

	private final PriorCounts priorCounts;

	/**
	 * @param priorCounts the ledger's, as {@link Deciding} has them; one analysis asks each processor and date once
	 */
	public EditionImpact(DataSource dataSource, RuleBooks books, PriorCounts priorCounts) {
		this.dataSource = dataSource;
		this.books = books;
		this.priorCounts = priorCounts;
	}

	/** One assessment decided differently under the draft. */
	public record Case(long assessmentId, String organisation, String before, String after, List<Integer> items) {
	}

	/**
	 * @param assessments stored this year; {@code redecided} of them read under both books
	 * @param changed the assessments whose outcome differs, over the organisations they belong to
	 * @param byItem per list item number (or {@value #OTHER}) the changed assessments it accounts for
	 * @param byChange per "BEFORE→AFTER" the changed assessments
	 */
	public record Result(RulePack draft, int year, long assessments, long redecided, Suppression.Cell changed,
			Map<String, Suppression.Cell> byItem, Map<String, Suppression.Cell> byChange, List<Case> cases, long millis) {

		public Long changedShown() {
			return Suppression.total(this.changed);
		}

		public List<Suppression.Shown> itemsShown() {
			return Suppression.breakdown(this.byItem);
		}

		public List<Suppression.Shown> changesShown() {
			return Suppression.breakdown(this.byChange);
		}

	}

	/** Re-decides this year's assessments under {@code draftBook} (the book in force plus {@code draft}). */
	public Result analyse(RuleBook current, RuleBook draftBook, RulePack draft, int year) throws SQLException {
		long start = System.nanoTime();
		// the deciding of the server (each organisation's own ledger), with the ledger's answers kept for the run: most assessments are dated as of the
		// draft's first day, so their processors' prior counts are asked once, not twice per assessment
		Map<String, Optional<Scenario.Counts>> asked = new HashMap<>();
		Deciding deciding = new Deciding(this.books,
				(processor, date) -> asked.computeIfAbsent(processor + "\u0000" + date, k -> this.priorCounts.upTo(processor, date)));
		long assessments = 0;
		long redecided = 0;
		Suppression.Cell changed = new Suppression.Cell();
		Map<String, Suppression.Cell> byItem = new TreeMap<>(EditionImpact::itemOrder);
		Map<String, Suppression.Cell> byChange = new TreeMap<>();
		List<Case> cases = new ArrayList<>();
		try (Connection c = this.dataSource.getConnection()) {
			boolean auto = c.getAutoCommit();
			c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
			try (PreparedStatement ps = c.prepareStatement("select a.id, a.org_id, a.scenario from assessment a"
					+ " where a.created_at >= ? and a.created_at < ? order by a.id")) {
				ps.setFetchSize(500);
				ps.setTimestamp(1, Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(BeijingTime.ZONE).toInstant()));
				ps.setTimestamp(2, Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(BeijingTime.ZONE).toInstant()));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						assessments++;
						Case k = redecide(deciding, rs.getLong(1), rs.getString(2), rs.getString(3), current, draftBook,
								draft);
						if (k == null) {
							continue;
						}
						redecided++;
						if (k.before().equals(k.after())) {
							continue;
						}
						changed.add(k.organisation(), 1);
						cases.add(k);
						byChange.computeIfAbsent(k.before() + "→" + k.after(), x -> new Suppression.Cell())
							.add(k.organisation(), 1);
						if (k.items().isEmpty()) {
							byItem.computeIfAbsent(OTHER, x -> new Suppression.Cell()).add(k.organisation(), 1);
						}
						for (int item : k.items()) {
							byItem.computeIfAbsent(String.valueOf(item), x -> new Suppression.Cell()).add(k.organisation(), 1);
						}
					}
				}
			}
			finally {
				c.rollback();
				c.setAutoCommit(auto);
			}
		}
		return new Result(draft, year, assessments, redecided, changed, byItem, byChange, cases,
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * One stored scenario decided under both books; {@code null} when it does not read under the book in force (an
	 * old edition's item), as nothing can then be compared. Its outcome under the draft is {@value #UNREADABLE} when
	 * only the draft refuses it. The items of a case are those found under one book and not the other.
	 */
	private static Case redecide(Deciding deciding, long id, String organisation, String scenarioJson, RuleBook current,
			RuleBook draftBook, RulePack draft) {
		Node root;
		try {
			root = Deciding.parse(asOf(scenarioJson, draft.inForceFrom()));
		}
		catch (RejectedRequest ex) {
			return null;
		}
		Decision before;
		try {
			Scenario s = current.reader().read(root);
			before = deciding.decide(new Deciding.Read(root, root, s, current), organisation);
		}
		catch (InvalidInputException | IllegalArgumentException ex) {
			return null;
		}
		try {
			Scenario s = draftBook.reader().read(root);
			Decision after = deciding.decide(new Deciding.Read(root, root, s, draftBook), organisation);
			TreeSet<Integer> items = new TreeSet<>(before.items());
			items.addAll(after.items());
			items.removeIf(i -> before.items().contains(i) && after.items().contains(i));
			return new Case(id, organisation, before.outcome().name(), after.outcome().name(), List.copyOf(items));
		}
		catch (InvalidInputException | IllegalArgumentException ex) {
			return new Case(id, organisation, before.outcome().name(), UNREADABLE, List.copyOf(before.items()));
		}
	}

	/** The stored scenario, dated no earlier than {@code date}. */
	static byte[] asOf(String scenarioJson, LocalDate date) {
		JsonNode node = JSON.readTree(scenarioJson);
		if (node instanceof ObjectNode o && o.get("date") != null) {
			try {
				if (LocalDate.parse(o.get("date").asString()).isBefore(date)) {
					o.put("date", date.toString());
				}
			}
			catch (java.time.format.DateTimeParseException ex) {
				// left as it is: the reader names the problem
			}
			return JSON.writeValueAsBytes(o);
		}
		return scenarioJson.getBytes(StandardCharsets.UTF_8);
	}

	private static int itemOrder(String a, String b) {
		boolean na = a.chars().allMatch(Character::isDigit);
		boolean nb = b.chars().allMatch(Character::isDigit);
		if (na && nb) {
			return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
		}
		return na ? -1 : (nb ? 1 : a.compareTo(b));
	}

}
