package cn.outbound.filing.life;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One move of a filing, as recorded: from which state to which, on which day it happened ({@code date}, told by a
 * person), and who recorded it when.
 *
 * @param number the filing number given with the move ({@link FilingState#FILED}), or {@code null}
 */
public record Step(int seq, FilingState from, FilingState to, LocalDate date, String number, Instant recordedAt,
		String recordedBy) {
}
