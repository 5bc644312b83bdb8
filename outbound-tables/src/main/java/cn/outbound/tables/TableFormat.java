package cn.outbound.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one registry of table formats: which formats Outbound reads, the file extensions and media types that name
 * them, what their content starts with, and what they are called. The CLI, the uploads, the scanner and the ledger
 * all ask it ({@link #detect}, {@link #byExtension}, {@link #byMediaType}, {@link #extensions()}); a new format is a
 * constant here and a reader in {@link Tables} (docs/architecture.md, "Where to add").
 */
public enum TableFormat {

	/** CSV, TSV and the like: encoding and delimiter detected ({@link TableReader}). */
	DELIMITED("delimited text (CSV/TSV, UTF-8 or GBK)", "分隔符文本（CSV/TSV，UTF-8 或 GBK）", List.of("csv", "tsv", "txt", "psv"),
			List.of("text/csv", "text/tab-separated-values", "text/plain")),

	/** One JSON object per line ({@link TableReader}). */
	JSON_LINES("JSON Lines", "JSON Lines（每行一个 JSON 对象）", List.of("jsonl", "ndjson", "json"),
			List.of("application/x-ndjson", "application/jsonl", "application/x-jsonlines")),

	/** An Excel workbook: every sheet with data is a table ({@link XlsxSource}). */
	XLSX("Excel workbook (.xlsx)", "Excel 工作簿（.xlsx）", List.of("xlsx", "xlsm"),
			List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
					"application/vnd.ms-excel.sheet.macroenabled.12")),

	/** An Apache Parquet file, read on this machine without Spark ({@link ParquetSource}). */
	PARQUET("Parquet", "Parquet", List.of("parquet"), List.of("application/vnd.apache.parquet", "application/x-parquet"));

	private final String english;

	private final String chinese;

	private final List<String> extensions;

	private final List<String> mediaTypes;

	TableFormat(String english, String chinese, List<String> extensions, List<String> mediaTypes) {
		this.english = english;
		this.chinese = chinese;
		this.extensions = extensions;
		this.mediaTypes = mediaTypes;
	}

	/** The format's name for a person, in Chinese for a {@code zh} locale and in English otherwise. */
	public String label(Locale locale) {
		return "zh".equals(locale.getLanguage()) ? this.chinese : this.english;
	}

	/** The file extensions (lower case, without the dot) that name this format. */
	public List<String> fileExtensions() {
		return this.extensions;
	}

	/** The media types (lower case) under which an upload of this format may come. */
	public List<String> mediaTypes() {
		return this.mediaTypes;
	}

	/**
	 * Whether the reader needs the whole file at hand (a workbook's ZIP directory and a Parquet footer are at its
	 * end): a stream is then first copied to a temporary file ({@link Tables#spool}).
	 */
	public boolean needsFile() {
		return this == XLSX || this == PARQUET;
	}

	/** Every extension of every format, in order: {@code csv, tsv, txt, psv, jsonl, ndjson, json, xlsx, xlsm, parquet}. */
	public static List<String> extensions() {
		List<String> all = new ArrayList<>();
		for (TableFormat f : values()) {
			all.addAll(f.extensions);
		}
		return List.copyOf(all);
	}

	/** The extensions as a person reads them: {@code .csv, .tsv, …, .parquet}. */
	public static String extensionList() {
		List<String> dotted = new ArrayList<>();
		for (String e : extensions()) {
			dotted.add("." + e);
		}
		return String.join(", ", dotted);
	}

	private static final java.util.regex.Pattern DELIMITED_DESCRIBED = java.util.regex.Pattern
		.compile("delimited text, (\\S+), delimiter (?:tab|'(.)')");

	private static final java.util.regex.Pattern JSON_LINES_DESCRIBED = java.util.regex.Pattern
		.compile("JSON Lines, (\\S+)");

	private static final java.util.regex.Pattern SHEET_DESCRIBED = java.util.regex.Pattern
		.compile("Excel workbook, sheet '(.*)', (\\d+) of (\\d+)");

	private static final java.util.regex.Pattern PARQUET_DESCRIBED = java.util.regex.Pattern
		.compile("Parquet, (\\d+) columns?, (\\d+) row groups?");

	/**
	 * A source's {@link TableSource#describe()} (English, as the JSON report keeps it) in the locale's language: the
	 * sources' descriptions in Chinese for a {@code zh} locale, unchanged otherwise (and for a description of another
	 * shape).
	 */
	public static String described(String description, Locale locale) {
		if (description == null || !"zh".equals(locale.getLanguage())) {
			return description;
		}
		java.util.regex.Matcher m = DELIMITED_DESCRIBED.matcher(description);
		if (m.matches()) {
			return "分隔符文本，" + m.group(1) + "，分隔符为" + ((m.group(2) == null) ? "制表符" : "“" + m.group(2) + "”");
		}
		m = JSON_LINES_DESCRIBED.matcher(description);
		if (m.matches()) {
			return "JSON Lines，" + m.group(1);
		}
		m = SHEET_DESCRIBED.matcher(description);
		if (m.matches()) {
			return "Excel 工作簿，工作表“" + m.group(1) + "”（第 " + m.group(2) + " 个，共 " + m.group(3) + " 个）";
		}
		if ("Excel workbook".equals(description)) {
			return "Excel 工作簿";
		}
		m = PARQUET_DESCRIBED.matcher(description);
		if (m.matches()) {
			return "Parquet，" + m.group(1) + " 列，" + m.group(2) + " 个行组";
		}
		return description;
	}

	/** The formats as a person reads them, in the locale's language. */
	public static String names(Locale locale) {
		List<String> names = new ArrayList<>();
		for (TableFormat f : values()) {
			names.add(f.label(locale));
		}
		return String.join("zh".equals(locale.getLanguage()) ? "、" : ", ", names);
	}

	/** The extension of {@code fileName}, lower case, without the dot, or {@code null}. */
	public static String extension(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0 || dot == fileName.length() - 1) {
			return null;
		}
		return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** The format that {@code fileName}'s extension names, if it names one. */
	public static Optional<TableFormat> byExtension(String fileName) {
		String ext = extension(fileName);
		if (ext != null) {
			for (TableFormat f : values()) {
				if (f.extensions.contains(ext)) {
					return Optional.of(f);
				}
			}
		}
		return Optional.empty();
	}

	/** Whether {@code fileName} names a table by its extension (what a directory scan picks up). */
	public static boolean isTable(String fileName) {
		return byExtension(fileName).isPresent();
	}

	/** The format a media type (parameters ignored, any case) names, if it names one. */
	public static Optional<TableFormat> byMediaType(String mediaType) {
		if (mediaType == null) {
			return Optional.empty();
		}
		int semicolon = mediaType.indexOf(';');
		String type = ((semicolon >= 0) ? mediaType.substring(0, semicolon) : mediaType).strip().toLowerCase(Locale.ROOT);
		for (TableFormat f : values()) {
			if (f.mediaTypes.contains(type)) {
				return Optional.of(f);
			}
		}
		return Optional.empty();
	}

	/** The format {@code head}, a file's first {@code n} bytes, shows, for the formats that are not text. */
	public static Optional<TableFormat> sniff(byte[] head, int n) {
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			return Optional.of(XLSX);
		}
		if (n >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') {
			return Optional.of(PARQUET);
		}
		return Optional.empty();
	}

	/**
	 * The format of a file named {@code fileName} whose first {@code n} bytes are {@code head}: the content decides
	 * for a workbook or Parquet file without a telling extension, the extension otherwise, and text that is neither
	 * is delimited text or JSON Lines (the text reader tells them apart by the extension and the first character).
	 * @throws TableFormatException for a legacy {@code .xls} workbook, or a workbook or Parquet file named as text
	 */
	public static TableFormat detect(String fileName, byte[] head, int n) {
		String ext = extension(fileName);
		if ("xls".equals(ext)) {
			throw new TableFormatException(
					fileName + " is a legacy .xls workbook; save it as .xlsx or CSV and read that");
		}
		Optional<TableFormat> named = byExtension(fileName);
		Optional<TableFormat> content = sniff(head, n);
		if (content.isPresent()) {
			if (named.isEmpty() || named.get() == content.get()) {
				return content.get();
			}
			if (content.get() == XLSX && !named.get().needsFile()) {
				throw new TableFormatException(fileName + " is a ZIP archive (an Excel workbook?), not "
						+ named.get().label(Locale.ROOT) + "; name it .xlsx, or export it as CSV");
			}
			if (content.get() == PARQUET && !named.get().needsFile()) {
				throw new TableFormatException(fileName + " is a Parquet file, not " + named.get().label(Locale.ROOT)
						+ "; name it .parquet");
			}
		}
		if (named.isPresent() && named.get().needsFile()) {
			return named.get();
		}
		return named.filter(f -> f == JSON_LINES).orElse(DELIMITED);
	}

}
