package cn.outbound.cli;

import java.util.List;
import java.util.Map;

/** {@link DoorsAuditContract} on the embedded default: one H2 file that the server and the CLI share. */
class H2DoorsAuditIntegrationTests extends DoorsAuditContract {

	private String url() {
		return "jdbc:h2:file:" + this.dir.resolve("data/outbound").toAbsolutePath();
	}

	@Override
	Map<String, String> environment() {
		return Map.of("OUTBOUND_DB_URL", url());
	}

	@Override
	List<String> serverArguments() {
		return List.of("--outbound.db.url=" + url());
	}

}
