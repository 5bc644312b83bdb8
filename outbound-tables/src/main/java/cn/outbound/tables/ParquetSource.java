package cn.outbound.tables;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * An Apache Parquet file read on this machine, without Spark or a Hadoop cluster: parquet-hadoop's file reader on a
 * local file ({@link LocalInputFile}, a plain configuration), one row group at a time, so memory holds one row group's
 * pages and never the file. Every codec Parquet writes by default (uncompressed, Snappy, gzip, ZSTD, LZ4) is read.
 * <p>
 * The columns are the schema's top-level fields. Values come as text in one unambiguous form: strings as they are
 * (UTF-8, undecodable bytes counted as problems), whole numbers and decimals in plain notation (a phone number stored
 * as a double is {@code 13812345678}, not {@code 1.3812345678E10}), dates {@code yyyy-MM-dd}, timestamps
 * {@code yyyy-MM-dd HH:mm:ss} (with a fraction when there is one; in UTC when the file says they are), UUIDs in their
 * usual form, other binary values in hex, and nested or repeated fields as JSON text. A null is an empty cell. Rows
 * are numbered from 1. The {@link ReadLimits} bound the columns, the header, each value and each row.
 */
public final class ParquetSource implements TableSource, Rows {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Path file;

	private final String name;

	private final ReadLimits limits;

	private final ParquetFileReader reader;

	private final MessageType schema;

	private final List<String> header;

	private final TableProblems problems = new TableProblems();

	private final ArrayCells cells;

	private final CellDecoder decoder = new CellDecoder(StandardCharsets.UTF_8);

	private RecordReader<Group> records;

	private long leftInGroup;

	private long row;

	private final StringBuilder text = new StringBuilder();

	public ParquetSource(Path file) throws IOException {
		this(file, ReadLimits.DEFAULT);
	}

	/**
	 * Opens the file and reads its footer (the schema).
	 * @throws TableFormatException when the file is not Parquet, or its header passes a limit
	 */
	public ParquetSource(Path file, ReadLimits limits) throws IOException {
		this.file = file;
		this.name = file.getFileName().toString();
		this.limits = limits;
		try {
			this.reader = ParquetFileReader.open(new LocalInputFile(file),
					new ParquetReadOptions.Builder(new PlainParquetConfiguration()).build());
		}
		catch (IOException | RuntimeException ex) {
			throw new TableFormatException(this.name + " is not a readable Parquet file (" + reason(ex) + ")");
		}
		try {
			this.schema = this.reader.getFooter().getFileMetaData().getSchema();
			List<String> names = new ArrayList<>();
			long headerSize = -1;
			for (Type field : this.schema.getFields()) {
				names.add(TableReader.headerName(field.getName(), names.size()));
				headerSize += field.getName().length() + 1;
				if (names.size() > limits.columns()) {
					throw limits.exceeded(this.name, ReadLimits.Limit.COLUMNS, "the header");
				}
			}
			if (headerSize > limits.headerBytes()) {
				throw limits.exceeded(this.name, ReadLimits.Limit.HEADER_BYTES, "the header");
			}
			if (names.isEmpty()) {
				throw new TableFormatException(this.name + " has no columns");
			}
			this.header = List.copyOf(names);
			this.cells = new ArrayCells(names.size());
		}
		catch (RuntimeException ex) {
			this.reader.close();
			throw ex;
		}
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public void read(RowSink sink) {
		sink.header(this.header);
		while (next()) {
			sink.row(this.row, this.cells);
		}
	}

	@Override
	public boolean next() {
		try {
			while (this.leftInGroup == 0) {
				PageReadStore pages = this.reader.readNextRowGroup();
				if (pages == null) {
					return false;
				}
				this.records = new ColumnIOFactory().getColumnIO(this.schema)
					.getRecordReader(pages, new GroupRecordConverter(this.schema));
				this.leftInGroup = pages.getRowCount();
			}
			Group g = this.records.read();
			this.leftInGroup--;
			this.row++;
			fill(g);
			return true;
		}
		catch (ReadLimitException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new TableFormatException(this.name + ": row group of row " + (this.row + 1) + " cannot be read ("
					+ reason(ex) + ")");
		}
	}

	private void fill(Group g) {
		long rowChars = 0;
		int malformed = 0;
		for (int i = 0; i < this.header.size(); i++) {
			String value;
			Type type = this.schema.getType(i);
			int count = g.getFieldRepetitionCount(i);
			if (count == 0) {
				value = "";
			}
			else if (type.isPrimitive() && !type.isRepetition(Type.Repetition.REPEATED)) {
				value = primitive(g, i, 0, type.asPrimitiveType());
				malformed += this.decoder.malformed();
			}
			else {
				this.text.setLength(0);
				json(g, i, type);
				value = this.text.toString();
			}
			if (value.length() > this.limits.cellBytes()) {
				throw this.limits.exceeded(this.name, ReadLimits.Limit.CELL_BYTES,
						"column '" + this.header.get(i) + "' of row " + this.row);
			}
			rowChars += value.length() + 1;
			if (rowChars > this.limits.recordBytes()) {
				throw this.limits.exceeded(this.name, ReadLimits.Limit.RECORD_BYTES, "row " + this.row);
			}
			this.cells.values[i] = value;
		}
		if (malformed > 0) {
			this.problems.add(this.row, TableProblem.Kind.UNDECODABLE_BYTES,
					malformed + " undecodable byte sequence(s) in UTF-8");
		}
	}

	/** One value of a primitive field as text. */
	private String primitive(Group g, int field, int index, PrimitiveType type) {
		LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
		this.decoder.decode(new byte[0], 0, 0);
		switch (type.getPrimitiveTypeName()) {
			case BOOLEAN:
				return Boolean.toString(g.getBoolean(field, index));
			case INT32: {
				int v = g.getInteger(field, index);
				if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
					return LocalDate.ofEpochDay(v).toString();
				}
				if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
					return BigDecimal.valueOf(v, d.getScale()).toPlainString();
				}
				if (logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation) {
					return LocalTime.ofNanoOfDay(v * 1_000_000L).toString();
				}
				if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
					return Integer.toUnsignedString(v);
				}
				return Integer.toString(v);
			}
			case INT64: {
				long v = g.getLong(field, index);
				if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
					return timestamp(v, t.getUnit(), t.isAdjustedToUTC());
				}
				if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
					return BigDecimal.valueOf(v, d.getScale()).toPlainString();
				}
				if (logical instanceof LogicalTypeAnnotation.TimeLogicalTypeAnnotation t) {
					long nanos = switch (t.getUnit()) {
						case MILLIS -> v * 1_000_000L;
						case MICROS -> v * 1_000L;
						case NANOS -> v;
					};
					return LocalTime.ofNanoOfDay(nanos).toString();
				}
				if (logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned()) {
					return Long.toUnsignedString(v);
				}
				return Long.toString(v);
			}
			case INT96:
				return int96(g.getInt96(field, index));
			case FLOAT:
				return plain(g.getFloat(field, index));
			case DOUBLE:
				return plain(g.getDouble(field, index));
			case BINARY:
			case FIXED_LEN_BYTE_ARRAY: {
				Binary b = g.getBinary(field, index);
				if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
					return new BigDecimal(new BigInteger(b.getBytes()), d.getScale()).toPlainString();
				}
				if (logical instanceof LogicalTypeAnnotation.UUIDLogicalTypeAnnotation) {
					ByteBuffer u = ByteBuffer.wrap(b.getBytes());
					return new UUID(u.getLong(), u.getLong()).toString();
				}
				if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
						|| (logical == null && !isText(b))) {
					return HexFormat.of().formatHex(b.getBytes());
				}
				byte[] bytes = b.getBytes();
				int n = this.decoder.decode(bytes, 0, bytes.length);
				return new String(this.decoder.chars(), 0, n);
			}
			default:
				throw new TableFormatException(this.name + ": column '" + type.getName() + "' has a type ("
						+ type.getPrimitiveTypeName() + ") that cannot be read");
		}
	}

	/** Whether unannotated binary looks like text (no NUL or control bytes), so it is shown as text, not hex. */
	private static boolean isText(Binary b) {
		byte[] bytes = b.getBytes();
		for (byte x : bytes) {
			if (x >= 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r') {
				return false;
			}
		}
		return true;
	}

	/** A field with nested or repeated values, as JSON text. */
	private void json(Group g, int field, Type type) {
		int count = g.getFieldRepetitionCount(field);
		boolean repeated = type.isRepetition(Type.Repetition.REPEATED);
		if (repeated) {
			this.text.append('[');
		}
		for (int k = 0; k < count; k++) {
			if (k > 0) {
				this.text.append(',');
			}
			if (type.isPrimitive()) {
				jsonValue(primitive(g, field, k, type.asPrimitiveType()), type.asPrimitiveType());
			}
			else {
				Group inner = g.getGroup(field, k);
				GroupType gt = type.asGroupType();
				this.text.append('{');
				boolean first = true;
				for (int f = 0; f < gt.getFieldCount(); f++) {
					if (inner.getFieldRepetitionCount(f) == 0) {
						continue;
					}
					if (!first) {
						this.text.append(',');
					}
					first = false;
					jsonString(gt.getFieldName(f));
					this.text.append(':');
					json(inner, f, gt.getType(f));
				}
				this.text.append('}');
			}
		}
		if (repeated) {
			this.text.append(']');
		}
	}

	private void jsonValue(String value, PrimitiveType type) {
		switch (type.getPrimitiveTypeName()) {
			case BOOLEAN, INT32, INT64, FLOAT, DOUBLE -> {
				LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
				boolean number = logical == null || logical instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation
						|| logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
				if (number && !value.equals("NaN") && !value.contains("Infinity")) {
					this.text.append(value);
				}
				else {
					jsonString(value);
				}
			}
			default -> jsonString(value);
		}
	}

	private void jsonString(String s) {
		this.text.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> this.text.append("\\\"");
				case '\\' -> this.text.append("\\\\");
				case '\n' -> this.text.append("\\n");
				case '\r' -> this.text.append("\\r");
				case '\t' -> this.text.append("\\t");
				default -> {
					if (c < 0x20) {
						this.text.append(String.format("\\u%04x", (int) c));
					}
					else {
						this.text.append(c);
					}
				}
			}
		}
		this.text.append('"');
	}

	private static String plain(double d) {
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			return Double.toString(d);
		}
		return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
	}

	private static String plain(float f) {
		if (Float.isNaN(f) || Float.isInfinite(f)) {
			return Float.toString(f);
		}
		return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
	}

	private static String timestamp(long v, LogicalTypeAnnotation.TimeUnit unit, boolean utc) {
		Instant instant = switch (unit) {
			case MILLIS -> Instant.ofEpochMilli(v);
			case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
			case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
		};
		return dateTime(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)) + (utc ? "Z" : "");
	}

	/** The legacy INT96 timestamp (Impala, Spark): nanoseconds of the day, then the Julian day, little-endian. */
	private static String int96(Binary b) {
		ByteBuffer buf = ByteBuffer.wrap(b.getBytes()).order(ByteOrder.LITTLE_ENDIAN);
		long nanos = buf.getLong();
		int julianDay = buf.getInt();
		LocalDate date = LocalDate.ofEpochDay(julianDay - 2_440_588L);
		return dateTime(LocalDateTime.of(date, LocalTime.ofNanoOfDay(nanos)));
	}

	private static String dateTime(LocalDateTime t) {
		String s = t.format(DATE_TIME);
		if (t.getNano() != 0) {
			String fraction = String.format("%09d", t.getNano()).replaceFirst("0+$", "");
			s = s + "." + fraction;
		}
		return s;
	}

	private static String reason(Throwable ex) {
		String m = ex.getMessage();
		return ex.getClass().getSimpleName() + ((m != null && m.length() < 200 && !m.contains("\n")) ? ": " + m : "");
	}

	@Override
	public long rowNumber() {
		return this.row;
	}

	@Override
	public Cells cells() {
		return this.cells;
	}

	@Override
	public TableProblems problems() {
		return this.problems;
	}

	@Override
	public Charset charset() {
		return StandardCharsets.UTF_8;
	}

	@Override
	public String describe() {
		return "Parquet, " + this.header.size() + " columns, " + this.reader.getRowGroups().size() + " row group"
				+ ((this.reader.getRowGroups().size() == 1) ? "" : "s");
	}

	/** The file read. */
	public Path file() {
		return this.file;
	}

	@Override
	public void close() {
		try {
			this.reader.close();
		}
		catch (IOException ex) {
			// read-only: nothing is lost
		}
	}

}
