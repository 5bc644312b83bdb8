package cn.outbound.app.scan;

import java.util.List;

/**
 * The upload form: its limit, the options as given, and what went wrong with the last upload (a message key with its
 * arguments, and the detail the scanner gave).
 */
public record ScanForm(String maxUpload, long maxBytes, String errorKey, List<Object> errorArgs, String detail) {

	/** The file input's {@code accept}: every table format's extensions ({@code TableFormat}). */
	public String accept() {
		return String.join(",", cn.outbound.tables.TableFormat.extensions().stream().map(e -> "." + e).toList());
	}

	public boolean failed() {
		return this.errorKey != null;
	}

	public Object[] args() {
		return this.errorArgs.toArray();
	}

}
