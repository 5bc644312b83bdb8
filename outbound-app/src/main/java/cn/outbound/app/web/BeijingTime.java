package cn.outbound.app.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as a Chinese reader and a regulator read them: Beijing time (UTC+8, no daylight saving), to the second,
 * labelled. Stored times stay UTC; only what is shown is converted, here.
 */
public final class BeijingTime {

	public static final ZoneId ZONE = ZoneOffset.ofHours(8);

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private BeijingTime() {
	}

	/** {@code 2026-12-05 03:16:40}, without its label (see {@code time.beijing} in the bundles). */
	public static String format(Instant at) {
		return (at == null) ? "" : FORMAT.format(at.atZone(ZONE));
	}

}
