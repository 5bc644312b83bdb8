package cn.outbound.ledger;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recorded event as the ledger keeps it (no persons: their count per class).
 *
 * @param event the event
 * @param recordedAt when it was recorded
 * @param rowsRead rows read when it was recorded
 * @param invalidRows rows skipped as invalid
 * @param parts per class: identifiers, distinct persons, persons new to the year
 */
public record EventSummary(EventSpec event, OffsetDateTime recordedAt, long rowsRead, long invalidRows,
		List<RecordResult.Part> parts) {
}
