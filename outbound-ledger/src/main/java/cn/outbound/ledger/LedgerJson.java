package cn.outbound.ledger;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON documents of the ledger, the same for the CLI ({@code --format json}) and the REST API. Field names
 * follow the scenario spec: {@code individuals} and {@code sensitiveIndividuals} are counted persons.
 */
public final class LedgerJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private LedgerJson() {
	}

	public static String pretty(JsonNode node) {
		return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
	}

	public static String compact(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	/**
	 * A status: top-level {@code individuals} and {@code sensitiveIndividuals} (counted), {@code exempt} apart,
	 * {@code headroom} to each threshold line, {@code alerts}, {@code months}, {@code recipients}, {@code bases}.
	 */
	public static ObjectNode status(LedgerStatus s) {
		ObjectNode n = MAPPER.createObjectNode();
		n.put("processor", s.processor());
		n.put("year", s.year());
		n.put("asOf", s.asOf().toString());
		n.put("individuals", s.individuals());
		n.put("sensitiveIndividuals", s.sensitiveIndividuals());
		n.set("exempt", counts(s.exempt()));
		n.put("exemptBasesCounted", s.exemptBasesCounted());
		n.put("events", s.events());
		n.put("lastEventDate", (s.lastEventDate() != null) ? s.lastEventDate().toString() : null);
		n.put("thresholdSource", s.thresholdSource());
		n.set("headroom", headroom(s.thresholds()));
		n.set("alerts", headroom(s.alerts()));
		ArrayNode months = n.putArray("months");
		for (LedgerStatus.Month m : s.months()) {
			ObjectNode o = months.addObject();
			o.put("month", m.month().toString());
			o.put("individuals", m.individuals());
			o.put("sensitiveIndividuals", m.sensitiveIndividuals());
			o.put("newIndividuals", m.newIndividuals());
			o.put("newSensitiveIndividuals", m.newSensitiveIndividuals());
			o.set("exempt", counts(m.exempt()));
		}
		ArrayNode recipients = n.putArray("recipients");
		for (LedgerStatus.Recipient r : s.recipients()) {
			ObjectNode o = recipients.addObject();
			o.put("recipient", r.recipient());
			o.put("individuals", r.individuals());
			o.put("sensitiveIndividuals", r.sensitiveIndividuals());
			o.set("exempt", counts(r.exempt()));
		}
		ArrayNode bases = n.putArray("bases");
		for (LedgerStatus.BasisCounts b : s.bases()) {
			ObjectNode o = bases.addObject();
			o.put("basis", b.basis().name());
			o.put("counted", b.counted());
			o.put("individuals", b.individuals());
			o.put("sensitiveIndividuals", b.sensitiveIndividuals());
		}
		return n;
	}

	/** The result of recording an event. */
	public static ObjectNode record(RecordResult r) {
		ObjectNode n = MAPPER.createObjectNode();
		n.put("outcome", r.outcome().name());
		n.put("eventId", r.eventId());
		event(n, r.event());
		n.put("counted", r.counted());
		n.put("rowsRead", r.rowsRead());
		n.put("invalidRows", r.invalidRows());
		n.set("invalid", invalid(r.invalidSamples()));
		for (RecordResult.Part p : r.parts()) {
			ObjectNode o = n.putObject(p.personClass().field());
			o.put("identifiers", p.identifiers());
			o.put("persons", p.persons());
			o.put("newThisYear", p.newThisYear());
		}
		return n;
	}

	/** An event refused for invalid rows: nothing was recorded. */
	public static ObjectNode rejected(InvalidIdentifiersException ex) {
		ObjectNode n = MAPPER.createObjectNode();
		n.put("outcome", "REJECTED");
		n.put("rowsRead", ex.rowsRead());
		n.put("invalidRows", ex.invalidCount());
		n.set("invalid", invalid(ex.rows()));
		n.put("message", ex.getMessage());
		return n;
	}

	public static ObjectNode whatIf(WhatIf w) {
		ObjectNode n = MAPPER.createObjectNode();
		n.put("processor", w.processor());
		n.put("date", w.date().toString());
		n.put("year", w.date().getYear());
		n.put("basis", w.basis().name());
		n.put("class", w.personClass().field());
		n.put("counted", w.counted());
		n.put("rowsRead", w.rowsRead());
		n.put("invalidRows", w.invalidRows());
		n.set("invalid", invalid(w.invalidSamples()));
		n.put("persons", w.persons());
		n.put("alreadyRecorded", w.alreadyRecorded());
		n.put("newPersons", w.newPersons());
		n.put("before", w.before());
		n.put("after", w.after());
		n.set("headroom", headroom(w.thresholds()));
		return n;
	}

	public static ObjectNode counts(LedgerCounts c) {
		ObjectNode n = MAPPER.createObjectNode();
		n.put("processor", c.processor());
		n.put("asOf", c.asOf().toString());
		n.put("individuals", c.individuals());
		n.put("sensitiveIndividuals", c.sensitiveIndividuals());
		n.put("events", c.events());
		n.put("exemptBasesCounted", c.exemptBasesCounted());
		return n;
	}

	public static ArrayNode events(List<EventSummary> events) {
		ArrayNode a = MAPPER.createArrayNode();
		for (EventSummary e : events) {
			ObjectNode o = a.addObject();
			event(o, e.event());
			o.put("recordedAt", e.recordedAt().toString());
			o.put("rowsRead", e.rowsRead());
			o.put("invalidRows", e.invalidRows());
			for (RecordResult.Part p : e.parts()) {
				ObjectNode c = o.putObject(p.personClass().field());
				c.put("identifiers", p.identifiers());
				c.put("persons", p.persons());
				c.put("newThisYear", p.newThisYear());
			}
		}
		return a;
	}

	private static void event(ObjectNode n, EventSpec e) {
		n.put("processor", e.processor());
		n.put("eventKey", e.eventKey());
		n.put("date", e.date().toString());
		n.put("year", e.year());
		n.put("recipient", e.recipient());
		n.put("basis", e.basis().name());
		n.put("assessmentId", e.assessmentId());
	}

	private static ObjectNode counts(ClassCounts c) {
		ObjectNode n = MAPPER.createObjectNode();
		n.put("individuals", c.individuals());
		n.put("sensitiveIndividuals", c.sensitiveIndividuals());
		return n;
	}

	private static ArrayNode headroom(List<Headroom> list) {
		ArrayNode a = MAPPER.createArrayNode();
		for (Headroom h : list) {
			ObjectNode o = a.addObject();
			o.put("id", h.id());
			o.put("class", h.personClass().field());
			o.put("limit", h.limit());
			o.put("count", h.count());
			o.put("headroom", h.headroom());
			o.put("percent", h.percent());
			o.put("alert", h.alert());
			o.put("reached", h.reached());
		}
		return a;
	}

	private static ArrayNode invalid(List<InvalidRow> rows) {
		ArrayNode a = MAPPER.createArrayNode();
		for (InvalidRow r : rows) {
			ObjectNode o = a.addObject();
			o.put("row", r.row());
			o.put("value", r.maskedValue());
			o.put("reason", r.reason());
		}
		return a;
	}

}
