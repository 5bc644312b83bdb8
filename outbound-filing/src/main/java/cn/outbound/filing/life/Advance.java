package cn.outbound.filing.life;

import java.time.LocalDate;

/**
 * A move a person asks for: to {@code to} on {@code date}, with the filing number ({@link FilingState#FILED}) or the
 * approved scale ({@link FilingState#APPROVED}) where the move needs one.
 */
public record Advance(FilingState to, LocalDate date, String number, ApprovedScale scale) {
}
