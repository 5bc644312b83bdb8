package cn.outbound.service.audit;

import java.net.InetAddress;

/**
 * Who makes a change and from where, as the audit log records them: a signed-in user and the client's address for the
 * server's doors, the operating-system user and the machine for the command line.
 */
public record Actor(String name, String remote) {

	/** Whoever runs the command line: {@code cli:} and the operating-system user, at {@code cli@} this host. */
	public static Actor commandLine() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "localhost";
		}
		return new Actor("cli:" + System.getProperty("user.name", "unknown"), "cli@" + host);
	}

}
