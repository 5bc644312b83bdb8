package cn.outbound.cli;

/**
 * Turns an unexpected exception into one line for a person: its message and its cause's, never a stack trace.
 */
final class Errors {

	private Errors() {
	}

	static String describe(Throwable ex) {
		StringBuilder sb = new StringBuilder();
		Throwable t = ex;
		int depth = 0;
		while (t != null && depth++ < 4) {
			String m = t.getMessage();
			if (m != null && !m.isBlank() && sb.indexOf(m) < 0) {
				if (sb.length() > 0) {
					sb.append(": ");
				}
				sb.append(m.strip());
			}
			t = t.getCause();
		}
		return (sb.length() > 0) ? sb.toString() : ex.getClass().getSimpleName();
	}

}
