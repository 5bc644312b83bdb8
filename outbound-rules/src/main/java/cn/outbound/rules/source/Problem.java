package cn.outbound.rules.source;

/**
 * One thing wrong with an input document: where (JSON pointer and source location) and what, including what is
 * allowed. Never contains a raw personal identifier.
 */
public record Problem(String pointer, SourceLocation location, String message) {

	/** cel-java style: {@code ERROR: file:line:column: /pointer: message}. */
	public String render() {
		StringBuilder sb = new StringBuilder("ERROR: ");
		String at = this.location.toString();
		if (!at.isEmpty()) {
			sb.append(at).append(": ");
		}
		if (this.pointer != null && !this.pointer.isEmpty()) {
			sb.append(this.pointer).append(": ");
		}
		return sb.append(this.message).toString();
	}

	@Override
	public String toString() {
		return render();
	}

}
