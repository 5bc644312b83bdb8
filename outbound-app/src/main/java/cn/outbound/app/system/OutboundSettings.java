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
 * @param tokenCacheTtl how long a checked API token is remembered before the database is asked again
 */
@ConfigurationProperties("outbound")
public record OutboundSettings(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue("20s") Duration bodyTimeout,
		@DefaultValue("false") boolean countExemptBases, Path rulesDir, @DefaultValue("10s") Duration tokenCacheTtl) {
}
