package cn.outbound.service.assessment;

/**
 * The persistence contract on the embedded default: H2 in PostgreSQL mode, in a file as in production.
 */
class H2PersistenceTests extends PersistenceContract {

	@Override
	String url() {
		return "jdbc:h2:file:./target/h2-contract-" + System.nanoTime()
				+ "/outbound;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
	}

}
