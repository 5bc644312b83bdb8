package cn.outbound.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Types;

/**
 * Parquet files the tests of several modules write, with parquet-hadoop's own writer (the library Outbound reads
 * them with), on a local file without Hadoop.
 */
public final class ParquetFiles {

	private ParquetFiles() {
	}

	/**
	 * A file of text columns ({@code optional binary (STRING)}), an empty cell written as null, Snappy-compressed, in
	 * row groups of about {@code rowGroupBytes} (small values give several row groups).
	 */
	public static Path strings(Path file, List<String> header, List<String[]> rows, long rowGroupBytes)
			throws IOException {
		Types.MessageTypeBuilder builder = Types.buildMessage();
		for (String name : header) {
			builder.optional(PrimitiveType.PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
		}
		MessageType schema = builder.named("table");
		Files.deleteIfExists(file);
		try (ParquetWriter<Group> writer = writer(file, schema, CompressionCodecName.SNAPPY, rowGroupBytes)) {
			SimpleGroupFactory groups = new SimpleGroupFactory(schema);
			for (String[] row : rows) {
				Group g = groups.newGroup();
				for (int i = 0; i < header.size(); i++) {
					if (i < row.length && row[i] != null && !row[i].isEmpty()) {
						g.add(i, row[i]);
					}
				}
				writer.write(g);
			}
		}
		return file;
	}

	/** A writer of {@code schema} to {@code file}, for files of other types: rows as {@link Group}s. */
	public static ParquetWriter<Group> writer(Path file, MessageType schema, CompressionCodecName codec,
			long rowGroupBytes) throws IOException {
		return ExampleParquetWriter.builder(new LocalOutputFile(file))
			.withConf(new PlainParquetConfiguration())
			.withType(schema)
			.withCompressionCodec(codec)
			.withRowGroupSize(rowGroupBytes)
			.withPageSize((int) Math.min(rowGroupBytes, 64 * 1024))
			.build();
	}

}
