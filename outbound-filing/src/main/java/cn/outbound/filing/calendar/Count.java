package cn.outbound.filing.calendar;

import java.time.LocalDate;
import java.util.List;

import cn.outbound.rules.Text;

/**
 * The answer of {@link WorkingDays#add}: the day {@code workingDays} working days after {@code from} (before it when
 * negative), counting from the day after (before) {@code from}.
 *
 * @param calendars the loaded years the count went through, ascending
 * @param estimated the years the count went through with no calendar loaded (weekends only), ascending
 * @param loaded every loaded year, for the note
 */
public record Count(LocalDate from, int workingDays, LocalDate date, List<Integer> calendars, List<Integer> estimated,
		List<Integer> loaded) {

	public Count {
		calendars = List.copyOf(calendars);
		estimated = List.copyOf(estimated);
		loaded = List.copyOf(loaded);
	}

	/** Whether the count ran through a year with no calendar loaded: then {@link #date} is an estimate. */
	public boolean provisional() {
		return !this.estimated.isEmpty();
	}

	/** What a person must know of an estimate, or {@code null} when the date is exact. */
	public Text note() {
		if (!provisional()) {
			return null;
		}
		return FilingText.of("count.provisional", "years", this.estimated, "loaded",
				this.loaded.isEmpty() ? FilingText.part("count.none-loaded") : this.loaded);
	}

}
