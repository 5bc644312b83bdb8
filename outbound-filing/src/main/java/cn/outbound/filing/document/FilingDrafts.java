package cn.outbound.filing.document;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import cn.outbound.report.DocumentStyle;
import cn.outbound.report.DocxWriter;
import cn.outbound.report.PdfWriter;

/**
 * Writes a filing's drafts, each as DOCX (to edit) and PDF (to read), into a directory or a ZIP. A directory is written
 * whole or not at all: every file goes into a temporary directory beside it, which is then moved into place; on any
 * failure the temporary directory is removed and nothing is left half-written.
 */
public final class FilingDrafts {

	private final DocxWriter docx;

	private final PdfWriter pdf;

	public FilingDrafts(DocxWriter docx, PdfWriter pdf) {
		this.docx = docx;
		this.pdf = pdf;
	}

	/** In the filing guide's layout ({@link DocumentStyle#OFFICIAL}), the PDF with {@code font}. */
	public static FilingDrafts official(cn.outbound.report.CjkFont font) {
		return new FilingDrafts(new DocxWriter(DocumentStyle.OFFICIAL), new PdfWriter(DocumentStyle.OFFICIAL, font));
	}

	/** The files of the drafts, by name ({@code 01-数据出境安全评估申报表.docx}, then its {@code .pdf}, …), in order. */
	public Map<String, byte[]> render(List<Draft> drafts) {
		Map<String, byte[]> out = new LinkedHashMap<>();
		for (Draft d : drafts) {
			out.put(d.baseName() + ".docx", this.docx.write(d.document()));
			out.put(d.baseName() + ".pdf", this.pdf.write(d.document()));
		}
		return out;
	}

	/**
	 * Writes the drafts into {@code dir}, which must not exist or be empty.
	 * @return the files written, in order
	 * @throws DirectoryNotEmptyException when {@code dir} holds anything (nothing is written then)
	 */
	public List<Path> write(List<Draft> drafts, Path dir) throws IOException {
		Path target = dir.toAbsolutePath().normalize();
		if (Files.isDirectory(target)) {
			try (Stream<Path> s = Files.list(target)) {
				if (s.findAny().isPresent()) {
					throw new DirectoryNotEmptyException(dir.toString());
				}
			}
		}
		else if (Files.exists(target)) {
			throw new IOException(dir + " exists and is not a directory");
		}
		Path parent = target.getParent();
		Files.createDirectories(parent);
		Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".part-");
		try {
			List<Path> written = new ArrayList<>();
			for (Map.Entry<String, byte[]> e : render(drafts).entrySet()) {
				Files.write(temp.resolve(e.getKey()), e.getValue());
				written.add(target.resolve(e.getKey()));
			}
			if (Files.isDirectory(target)) {
				Files.delete(target); // empty, checked above
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			return written;
		}
		finally {
			if (Files.exists(temp)) {
				try (Stream<Path> s = Files.walk(temp)) {
					for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
						Files.deleteIfExists(p);
					}
				}
			}
		}
	}

	/** Writes the drafts as a ZIP (entry names in UTF-8). The stream is finished, not closed. */
	public void zip(List<Draft> drafts, OutputStream out) throws IOException {
		Map<String, byte[]> files = render(drafts);
		ZipOutputStream zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
		for (Map.Entry<String, byte[]> e : files.entrySet()) {
			zip.putNextEntry(new ZipEntry(e.getKey()));
			zip.write(e.getValue());
			zip.closeEntry();
		}
		zip.finish();
	}

}
