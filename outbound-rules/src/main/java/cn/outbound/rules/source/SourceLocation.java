package cn.outbound.rules.source;

/**
 * Where a value came from: a file (or "-" for standard input, "request" for an API body), a 1-based line and column.
 */
public record SourceLocation(String file, int line, int column) {

	public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

	public SourceLocation withFile(String name) {
		return new SourceLocation(name, this.line, this.column);
	}

	@Override
	public String toString() {
		if (this.line <= 0) {
			return this.file;
		}
		return this.file + ":" + this.line + ":" + this.column;
	}

}
