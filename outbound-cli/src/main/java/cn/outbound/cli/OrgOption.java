package cn.outbound.cli;

import java.sql.SQLException;

import cn.outbound.service.Services;
import cn.outbound.service.org.Organisations;
import cn.outbound.service.org.Scope;
import picocli.CommandLine.Option;

/**
 * {@code --org ID}: the organisation whose data a command reads or writes (issue #13). The command line acts as the
 * organisation's administrator; without the option, the default organisation (a deployment that never created one).
 */
final class OrgOption {

	@Option(names = "--org", defaultValue = Organisations.DEFAULT, paramLabel = "ORG",
			description = "The organisation whose data this is (default: ${DEFAULT-VALUE}).")
	String org = Organisations.DEFAULT;

	/**
	 * The organisation's id in its one form.
	 * @throws IllegalArgumentException naming --org for an id that cannot be one
	 */
	String id() {
		try {
			return Organisations.requireId(this.org);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--" + ex.getMessage());
		}
	}

	/**
	 * The organisation's id, checked to exist in the database {@code services} opens.
	 * @throws IllegalArgumentException naming --org for no such organisation
	 */
	String existing(Services services) throws SQLException {
		String id = id();
		if (new Organisations(services.dataSource(), services.writes()).find(id).isEmpty()) {
			throw new IllegalArgumentException("--org: no organisation '" + id + "' (see 'outbound orgs list')");
		}
		return id;
	}

	/** The command line as an administrator of the organisation. */
	Scope scope(Services services, String actor) throws SQLException {
		return Scope.commandLine(actor, existing(services));
	}

}
