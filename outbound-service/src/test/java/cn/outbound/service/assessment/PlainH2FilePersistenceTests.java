package cn.outbound.service.assessment;

/**
 * The persistence contract on a plain H2 file URL as a user writes it, with none of the settings the schema needs
 * (#9: they are added by the database settings).
 */
class PlainH2FilePersistenceTests extends PersistenceContract {

	@Override
	String url() {
		return "jdbc:h2:file:./target/h2-plain-" + System.nanoTime() + "/outbound";
	}

}
