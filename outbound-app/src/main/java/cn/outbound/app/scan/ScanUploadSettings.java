package cn.outbound.app.scan;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Dataset scans in the server ({@code outbound.scan.*}, or the environment, e.g. {@code OUTBOUND_SCAN_MAX_UPLOAD}).
 *
 * @param maxUpload the largest file accepted (413 above it; nothing is kept)
 * @param tempDir where uploads wait for their scan, one private folder each, deleted afterwards; {@code null}:
 * {@code outbound-scan} in the system's temporary directory
 * @param uploadTimeout how long an upload may take to arrive (408 after it)
 * @param concurrent scans at a time; more are answered 503 at once, before their upload is read
 * @param keepReports how long a report stays for its page and JSON download (in memory only)
 */
@ConfigurationProperties("outbound.scan")
public record ScanUploadSettings(@DefaultValue("200MB") DataSize maxUpload, Path tempDir,
		@DefaultValue("15m") Duration uploadTimeout, @DefaultValue("2") int concurrent,
		@DefaultValue("1h") Duration keepReports) {

	public Path directory() {
		return (this.tempDir != null) ? this.tempDir : Path.of(System.getProperty("java.io.tmpdir"), "outbound-scan");
	}

}
