package cn.outbound.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks the tests of several modules build: a ZIP bomb that is otherwise a valid {@code .xlsx}. */
public final class Workbooks {

	private Workbooks() {
	}

	/**
	 * A valid workbook whose sheet XML holds {@code padding} bytes of blanks between its rows: it
	 * compresses about a thousand times.
	 */
	public static Path zipBomb(Path dir, String name, int padding) throws IOException {
		Path plain = dir.resolve("plain-" + name);
		try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
			Sheet sheet = wb.createSheet("Sheet1");
			sheet.createRow(0).createCell(0).setCellValue("name");
			sheet.createRow(1).createCell(0).setCellValue("value");
			wb.write(out);
		}
		Path bomb = dir.resolve(name);
		try (ZipFile in = new ZipFile(plain.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
			for (ZipEntry e : java.util.Collections.list(in.entries())) {
				out.putNextEntry(new ZipEntry(e.getName()));
				try (InputStream data = in.getInputStream(e)) {
					if (!e.getName().equals("xl/worksheets/sheet1.xml")) {
						data.transferTo(out);
					}
					else {
						String xml = new String(data.readAllBytes(), StandardCharsets.UTF_8);
						int at = xml.indexOf("<row r=\"2\"");
						out.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
						byte[] blanks = new byte[1 << 20];
						java.util.Arrays.fill(blanks, (byte) ' ');
						for (int written = 0; written < padding; written += blanks.length) {
							out.write(blanks);
						}
						out.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
					}
				}
				out.closeEntry();
			}
		}
		Files.delete(plain);
		return bomb;
	}

}
