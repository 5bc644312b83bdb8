package cn.outbound.filing.calendar;

import java.time.LocalDate;
import java.util.List;

import cn.outbound.rules.Text;

/**
 * One holiday of a year's notice: the days off, {@code from} to {@code to} (both included, weekend days among them),
 * and the weekend days made working days in exchange (调休上班).
 */
public record Holiday(Text name, LocalDate from, LocalDate to, List<LocalDate> worked) {

	public Holiday {
		worked = List.copyOf(worked);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(this.from) && !date.isAfter(this.to);
	}

}
