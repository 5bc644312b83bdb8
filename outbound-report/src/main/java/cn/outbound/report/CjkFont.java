package cn.outbound.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The font file a PDF embeds for Chinese text. Named by the setting {@value #PROPERTY} (system property) or
 * {@value #ENV} (environment): a TrueType file ({@code .ttf}), or a collection ({@code .ttc}) with the face's index
 * after a comma ({@code /path/wqy-microhei.ttc,0}; 0 when omitted). Without a setting, the first of
 * {@link #CANDIDATES} that exists: the fonts Debian's {@code fonts-wqy-microhei} and {@code fonts-wqy-zenhei}
 * install (TrueType outlines, which a PDF embeds as a subset of the glyphs used).
 *
 * @param file the font file
 * @param index the face in a collection (0 for a single font)
 */
public record CjkFont(Path file, int index) {

	public static final String PROPERTY = "outbound.report.cjk-font";

	public static final String ENV = "OUTBOUND_REPORT_CJK_FONT";

	/** Searched in order when no setting names a font. */
	public static final List<Path> CANDIDATES = List.of(Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
			Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
			Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
			Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
			Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
			Path.of("/System/Library/Fonts/STHeiti Medium.ttc"), Path.of("C:/Windows/Fonts/simhei.ttf"),
			Path.of("C:/Windows/Fonts/simfang.ttf"));

	/** The setting of this process (system property, then environment), or the first candidate found. */
	public static CjkFont fromEnvironment(Map<String, String> env) {
		String setting = System.getProperty(PROPERTY);
		if (setting == null || setting.isBlank()) {
			setting = env.get(ENV);
		}
		return locate((setting == null || setting.isBlank()) ? null : setting.strip());
	}

	/**
	 * @param setting {@code FILE} or {@code FILE,INDEX}, or {@code null} to search {@link #CANDIDATES}
	 * @throws MissingFontException saying what to install or set
	 */
	public static CjkFont locate(String setting) {
		if (setting != null) {
			int comma = setting.lastIndexOf(',');
			int index = 0;
			String path = setting;
			if (comma > 0 && setting.substring(comma + 1).strip().matches("[0-9]{1,2}")) {
				index = Integer.parseInt(setting.substring(comma + 1).strip());
				path = setting.substring(0, comma);
			}
			Path file = Path.of(path);
			if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
				throw new MissingFontException("the CJK font named by " + PROPERTY + " / " + ENV + " is not a readable file: "
						+ file + " (name a .ttf file, or a .ttc file with ',INDEX')");
			}
			return new CjkFont(file, index);
		}
		for (Path candidate : CANDIDATES) {
			if (Files.isRegularFile(candidate) && Files.isReadable(candidate)) {
				return new CjkFont(candidate, 0);
			}
		}
		throw new MissingFontException("no CJK font found for the PDF: install one (Debian: apt-get install "
				+ "fonts-wqy-microhei) or name a TrueType font file with -D" + PROPERTY + "=FILE or " + ENV
				+ "=FILE (a .ttc collection as FILE,INDEX); searched: " + CANDIDATES);
	}

	boolean collection() {
		return this.file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc");
	}

	/** The name OpenPDF loads: the path, with {@code ,INDEX} for a collection. */
	String openPdfName() {
		return collection() ? this.file + "," + this.index : this.file.toString();
	}

	/** No usable CJK font: the message says what to install or which setting to give. */
	public static final class MissingFontException extends RuntimeException {

		public MissingFontException(String message) {
			super(message);
		}

	}

}
