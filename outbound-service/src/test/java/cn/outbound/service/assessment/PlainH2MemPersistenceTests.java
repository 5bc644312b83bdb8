package cn.outbound.service.assessment;

/**
 * The persistence contract on the plainest in-memory H2 URL (#9): a named, PostgreSQL-mode database is made of it,
 * shared by every pooled connection.
 */
class PlainH2MemPersistenceTests extends PersistenceContract {

	@Override
	String url() {
		return "jdbc:h2:mem:";
	}

}
