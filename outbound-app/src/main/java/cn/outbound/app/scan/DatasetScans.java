package cn.outbound.app.scan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.outbound.service.audit.Writes;
import cn.outbound.app.web.ApiProblem;
import cn.outbound.app.web.Multipart;
import cn.outbound.app.web.Uploads;
import cn.outbound.pii.Identifiers;
import cn.outbound.tables.ReadLimitException;
import cn.outbound.tables.TableFormatException;
import cn.outbound.scan.ScanReport;
import cn.outbound.scan.ScanSettings;
import cn.outbound.scan.Scanner;
import cn.outbound.tables.TableFormat;
import cn.outbound.tables.TableSource;
import cn.outbound.tables.Tables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Scans uploaded datasets: the upload goes to a temporary file of its own (streamed, never held in memory, cut off
 * above {@code outbound.scan.max-upload}), the scanner of outbound-scan reads it as the CLI does, and the file is
 * deleted as soon as the scan is over, whether it succeeded or not. Every scan is audited ({@code DATASET_SCANNED})
 * with counts only. Failures come out as {@link ApiProblem}s (413, 408, 422, 503, 500) whose messages never quote
 * the data.
 */
@Component
public class DatasetScans {

	private static final Logger log = LoggerFactory.getLogger(DatasetScans.class);

	/** Runs of digits long enough to be an identifier (phone, ID, card): masked in file names. */
	private static final Pattern LONG_NUMBER = Pattern.compile("[0-9]{7,}[0-9Xx]?");

	private final ScanUploadSettings settings;

	private final Writes writes;

	private final Semaphore slots;

	DatasetScans(ScanUploadSettings settings, Writes writes) {
		this.settings = settings;
		this.writes = writes;
		this.slots = new Semaphore(Math.max(1, settings.concurrent()));
	}

	public ScanUploadSettings settings() {
		return this.settings;
	}

	public long maxUpload() {
		return this.settings.maxUpload().toBytes();
	}

	/** A turn to scan; closing it gives the turn back. */
	public interface Slot extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * A turn to scan, taken before the upload is read.
	 * @throws ApiProblem 503 when {@code outbound.scan.concurrent} scans are running
	 */
	public Slot slot() {
		if (!this.slots.tryAcquire()) {
			throw new ApiProblem(503, "scanner-busy", "Scanner busy", "Other scans are running ("
					+ this.settings.concurrent() + " at a time); try again in a minute. Nothing was kept.");
		}
		return this.slots::release;
	}

	/** An upload waiting in its private temporary folder; closing deletes file and folder. */
	public static final class Received implements AutoCloseable {

		private final Path dir;

		private final Path file;

		private final long bytes;

		Received(Path dir, Path file, long bytes) {
			this.dir = dir;
			this.file = file;
			this.bytes = bytes;
		}

		public Path file() {
			return this.file;
		}

		/** The name the report shows: the uploaded file's name, cleaned, long numbers masked. */
		public String name() {
			return this.file.getFileName().toString();
		}

		public long bytes() {
			return this.bytes;
		}

		@Override
		public void close() {
			delete(this.dir, this.file);
		}

	}

	/** The deadline for an upload that starts now ({@link System#nanoTime()}). */
	public long deadline() {
		return System.nanoTime() + this.settings.uploadTimeout().toNanos();
	}

	/**
	 * Streams an upload into a new temporary file.
	 * @param fileName the name the client gave, or {@code null}
	 * @param format a format (file extension, e.g. {@code csv}) that overrides the name's, or {@code null}
	 * @param field the request field the data came in, for problems
	 * @throws ApiProblem 413 over the limit, 408 too slow, 400 a bad format; nothing is kept then
	 */
	public Received receive(InputStream in, String fileName, String format, String field) throws IOException {
		String name = fileName(fileName, format);
		Path base = this.settings.directory();
		Files.createDirectories(base);
		Path dir = Files.createTempDirectory(base, "upload-");
		Path file = dir.resolve(name);
		long max = maxUpload();
		long copied;
		try (OutputStream out = Files.newOutputStream(file)) {
			copied = Multipart.copy(in, out, max);
		}
		catch (Uploads.TooLargeException ex) {
			copied = -1;
		}
		catch (Uploads.TimeoutException ex) {
			delete(dir, file);
			throw new ApiProblem(408, "request-timeout", "Upload too slow",
					"The file did not arrive within " + this.settings.uploadTimeout().toMinutes() + " minutes; nothing was kept.");
		}
		catch (IOException | RuntimeException ex) {
			delete(dir, file);
			throw ex;
		}
		if (copied < 0) {
			delete(dir, file);
			throw tooLarge(max);
		}
		if (copied == 0) {
			delete(dir, file);
			throw new ApiProblem(422, "unreadable-table", "Not a table", field + ": the file is empty; nothing was kept.",
					List.of(ApiProblem.parameterError(field, "the file is empty")));
		}
		if (format == null && extension(name) == null) {
			// no telling name: a workbook or Parquet file is told by its first bytes (text by the reader)
			TableFormat sniffed = sniff(file);
			if (sniffed != null) {
				Path renamed = dir.resolve(name + "." + sniffed.fileExtensions().get(0));
				Files.move(file, renamed);
				file = renamed;
			}
		}
		return new Received(dir, file, copied);
	}

	public ApiProblem tooLarge(long max) {
		return new ApiProblem(413, "payload-too-large", "File too large", "The file is larger than " + Uploads.size(max)
				+ " (outbound.scan.max-upload), the most this server scans; nothing was kept.");
	}

	/**
	 * Scans an upload and audits it.
	 * @param field the request field the data came in (for problems)
	 * @throws ApiProblem 413 when the table passes one of the readers' limits, 422 when the file is not a table (a
	 * ZIP bomb included) or an option does not fit it; 500 otherwise
	 */
	public ScanReport scan(Received upload, ScanSettings settings, String field, String actor, String remote) {
		ScanReport report;
		try (TableSource source = Tables.open(upload.file())) {
			report = new Scanner(settings).scan(source);
		}
		catch (ReadLimitException ex) {
			throw ApiProblem.readLimit(ex, field);
		}
		catch (TableFormatException ex) {
			throw new ApiProblem(422, "unreadable-table", "Not a table", field + ": " + ex.getMessage(),
					List.of(ApiProblem.parameterError(field, ex.getMessage())));
		}
		catch (IllegalArgumentException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage().replace("--id-column", "idColumn")
					: "an option does not fit this table";
			throw new ApiProblem(422, "invalid-scan-option", "Option does not fit the table", message,
					List.of(ApiProblem.parameterError("idColumn", message)));
		}
		catch (IOException | RuntimeException ex) {
			// the class only: a message might quote the data
			String incident = UUID.randomUUID().toString();
			log.error("Scan {} of an upload failed: {}", incident, ex.getClass().getName());
			throw new ApiProblem(500, "internal-error", "Internal error",
					"The scan failed (incident " + incident + "); the file was deleted and nothing was kept.");
		}
		audit(actor, remote, upload, report);
		return report;
	}

	private void audit(String actor, String remote, Received upload, ScanReport report) {
		String details = "bytes=" + upload.bytes() + " rows=" + report.rows() + " columns=" + report.columns().size()
				+ " persons=" + report.persons().distinct() + " sensitive=" + report.persons().sensitiveIndividuals()
				+ " minors=" + report.persons().minors() + " standard=" + report.details().standard();
		try {
			this.writes.submit((c, audit) -> {
				audit.append(actor, "DATASET_SCANNED", "scan:" + clip(upload.name(), 150), remote, details);
				return null;
			});
		}
		catch (SQLException ex) {
			log.warn("Could not audit a scan: {}", ex.getMessage());
		}
	}

	/** A file name safe on any file system that keeps the extension the scanner reads the format from. */
	static String fileName(String given, String format) {
		String name = (given != null) ? given.strip() : "";
		name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("^[._]+", "");
		name = mask(name);
		if (name.length() > 120) {
			String ext = extension(name);
			name = name.substring(0, 110) + ((ext != null) ? "." + ext : "");
		}
		if (format != null) {
			String f = format.strip().toLowerCase(Locale.ROOT);
			if (!TableFormat.extensions().contains(f)) {
				throw ApiProblem.badParameter("format", "one of " + String.join(", ", TableFormat.extensions()));
			}
			if (!f.equals(extension(name))) {
				name = (name.isEmpty() ? "upload" : name) + "." + f;
			}
		}
		return name.isEmpty() ? "upload" : name;
	}

	/** Long digit runs (a phone or ID number someone put in a file name) masked as the scanner masks samples. */
	static String mask(String name) {
		Matcher m = LONG_NUMBER.matcher(name);
		StringBuilder sb = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(sb, Matcher.quoteReplacement(Identifiers.maskMiddle(m.group())));
		}
		m.appendTail(sb);
		return sb.toString();
	}

	/** The extension the table registry knows (or refuses with a message, {@code xls}), lower case, or {@code null}. */
	static String extension(String name) {
		String ext = TableFormat.extension(name);
		return (ext != null && (TableFormat.isTable(name) || ext.equals("xls"))) ? ext : null;
	}

	/** The format the registry tells by the file's first bytes (a workbook, Parquet), or null for text. */
	private static TableFormat sniff(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(8);
			return TableFormat.sniff(head, head.length).orElse(null);
		}
	}

	/** Deletes the upload and anything else in its folder, then the folder. */
	private static void delete(Path dir, Path file) {
		try {
			Files.deleteIfExists(file);
			try (var rest = Files.list(dir)) {
				for (Path p : (Iterable<Path>) rest::iterator) {
					Files.deleteIfExists(p);
				}
			}
			Files.deleteIfExists(dir);
		}
		catch (IOException ex) {
			log.warn("Could not delete the upload folder {}: {}", dir, ex.getClass().getSimpleName());
		}
	}

	private static String clip(String s, int max) {
		return (s.length() > max) ? s.substring(0, max) : s;
	}

}
