package cn.outbound.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** Writes a {@link Document} in one file format: {@link DocxWriter}, {@link PdfWriter}. */
public interface DocumentWriter {

	/** Writes {@code document} to {@code out}, which stays open. */
	void write(Document document, OutputStream out) throws IOException;

	/** The document's bytes. */
	default byte[] write(Document document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		try {
			write(document, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
