package cn.outbound.service.filing;

/** The filing contract on the embedded default: H2 in PostgreSQL mode, in a file. */
class FilingsH2Tests extends FilingsContract {

	@Override
	String url() {
		return "jdbc:h2:file:./target/h2-filings-" + System.nanoTime()
				+ "/outbound;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
	}

}
