package cn.outbound.app.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings ({@code outbound.*} in application.properties, or the environment, e.g.
 * {@code OUTBOUND_MAX_BODY_BYTES}).
 *
 * @param maxBodyBytes the largest request body accepted (413 above it)
 * @param bodyTimeout how long a request may take to send its body before it is cut off (408)
 * @param countExemptBases whether persons under exempt bases count toward the cumulative thresholds (the decision
 * says so when they do)
 * @param rulesDir extra rule-pack files (*.yaml) loaded next to the built-in packs, or {@code null}
 * @param tokenCacheTtl how long a checked API token's lookup is remembered; the user's standing (role, enabled, tokens
 * revoked) is still read on every request
 * @param session the browser session's lifetimes and the sign-in throttle
 */
@ConfigurationProperties("outbound")
public record OutboundSettings(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue("20s") Duration bodyTimeout,
		@DefaultValue("false") boolean countExemptBases, Path rulesDir, @DefaultValue("10s") Duration tokenCacheTtl,
		@DefaultValue Session session) {

	/**
	 * @param absoluteTimeout how long a session lasts from sign-in, however active (the idle timeout is
	 * {@code server.servlet.session.timeout})
	 * @param maxFailuresPerAccount failed sign-ins of one account within {@code failureWindow} before its sign-in is
	 * refused for the rest of the window
	 * @param maxFailuresPerAddress the same for one client address, whatever names it tries
	 * @param failureWindow how long failures are remembered
	 */
	public record Session(@DefaultValue("8h") Duration absoluteTimeout, @DefaultValue("5") int maxFailuresPerAccount,
			@DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("15m") Duration failureWindow) {
	}

}
