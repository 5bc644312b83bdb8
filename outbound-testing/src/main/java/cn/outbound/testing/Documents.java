package cn.outbound.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Reading generated documents back with tools that did not write them: POI's text extractor for DOCX, poppler's
 * {@code pdftotext}/{@code pdffonts}/{@code pdftoppm} for PDF, and LibreOffice ({@code soffice --headless}) as the real
 * word processor. CI installs poppler and LibreOffice ({@code .ci/run}); {@link #has(String)} lets a local run without
 * them skip as an assumption.
 */
public final class Documents {

	private Documents() {
	}

	/** The text of a DOCX as POI extracts it (paragraphs and tables in order; footers not included). */
	public static String docxText(byte[] docx) {
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx));
				XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
			return extractor.getText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether a command is on the PATH. */
	public static boolean has(String command) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
				return true;
			}
		}
		return false;
	}

	/** {@code pdftotext -layout FILE -}: the PDF's text. */
	public static String pdfText(Path pdf) {
		return run(List.of("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"), 60);
	}

	/** {@code pdffonts FILE}: the fonts, with whether each is embedded. */
	public static String pdfFonts(Path pdf) {
		return run(List.of("pdffonts", pdf.toString()), 60);
	}

	/** Page 1 as a PNG at 60 dpi ({@code pdftoppm -png -r 60 -f 1 -l 1}), written to {@code png}. */
	public static Path firstPagePng(Path pdf, Path png) {
		String base = png.toString().replaceFirst("\\.png$", "");
		run(List.of("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf.toString(), base), 60);
		return png;
	}

	/**
	 * Converts a document to PDF with LibreOffice headless into {@code outDir}, with its own user profile under
	 * {@code outDir} (so that parallel runs do not share one).
	 */
	public static Path officeToPdf(Path document, Path outDir) {
		try {
			Files.createDirectories(outDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> cmd = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + outDir.resolve("profile").toUri(),
				"--headless", "--norestore", "--convert-to", "pdf", "--outdir", outDir.toString(), document.toString()));
		run(cmd, 300);
		String name = document.getFileName().toString().replaceFirst("\\.[^.]+$", "") + ".pdf";
		Path pdf = outDir.resolve(name);
		if (!Files.isRegularFile(pdf)) {
			throw new IllegalStateException("LibreOffice wrote no " + pdf);
		}
		return pdf;
	}

	private static String run(List<String> command, int seconds) {
		try {
			Path log = Files.createTempFile("outbound-tool", ".out");
			try {
				Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
				if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
					p.destroyForcibly();
					throw new IllegalStateException(command.get(0) + " did not finish in " + seconds + " s");
				}
				String out = Files.readString(log, StandardCharsets.UTF_8);
				if (p.exitValue() != 0) {
					throw new IllegalStateException(command + " exited " + p.exitValue() + ": " + out);
				}
				return out;
			}
			finally {
				Files.deleteIfExists(log);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
