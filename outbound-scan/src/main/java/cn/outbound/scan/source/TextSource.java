package cn.outbound.scan.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import cn.outbound.pii.io.TableProblems;
import cn.outbound.pii.io.TableReader;

/** Delimited text or JSON Lines through the shared {@link TableReader}. */
public final class TextSource implements TableSource {

	private final TableReader reader;

	public TextSource(Path file) throws IOException {
		this.reader = TableReader.open(file);
	}

	public TextSource(InputStream in, String name) throws IOException {
		this.reader = TableReader.open(in, name);
	}

	@Override
	public String name() {
		return this.reader.name();
	}

	@Override
	public void read(RowSink sink) {
		sink.header(this.reader.header());
		while (this.reader.next()) {
			sink.row(this.reader.rowNumber(), this.reader.cells());
		}
	}

	@Override
	public TableProblems problems() {
		return this.reader.problems();
	}

	@Override
	public String describe() {
		if (this.reader.format() == TableReader.Format.JSON_LINES) {
			return "JSON Lines, " + this.reader.charset().name();
		}
		char d = this.reader.delimiter();
		String delimiter = (d == '\t') ? "tab" : "'" + d + "'";
		return "delimited text, " + this.reader.charset().name() + ", delimiter " + delimiter;
	}

	@Override
	public void close() {
		this.reader.close();
	}

}
