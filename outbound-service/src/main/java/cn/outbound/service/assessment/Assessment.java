package cn.outbound.service.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored assessment: the scenario, the decision made on it, the rule-pack edition used, who and when.
 * {@code scenario} and {@code decision} are the JSON documents as stored.
 */
public record Assessment(long id, Instant createdAt, String createdBy, String title, String processorId,
		String processorName, String jurisdiction, LocalDate exportDate, String outcome, List<Integer> items,
		String packId, String packEdition, String packHash, String scenario, String decision) {
}
