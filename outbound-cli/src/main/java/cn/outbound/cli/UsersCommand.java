package cn.outbound.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import cn.outbound.service.Services;
import cn.outbound.service.audit.Actor;
import cn.outbound.service.user.Account;
import cn.outbound.service.user.Role;
import cn.outbound.service.user.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound users}: create users (the first ADMIN is made this way), list them, issue and revoke API tokens,
 * set passwords and roles. A new token is printed once, as the last line of the output.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
		description = { "Manage the server's users and API tokens (database: $OUTBOUND_DB_URL or ./data/).",
				"管理服务的用户与 API 令牌。" },
		subcommands = { UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Token.class,
				UsersCommand.Revoke.class, UsersCommand.Password.class, UsersCommand.SetRole.class,
				UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.SetOrg.class })
final class UsersCommand extends CommandGroup {

	abstract static class Sub implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Override
		public final Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			try (Services services = Db.open()) {
				return run(services.users(), Actor.commandLine(), out);
			}
			catch (IllegalArgumentException | Users.LastAdministratorException ex) {
				this.spec.commandLine().getErr().println("error: " + ex.getMessage());
				return Outbound.INVALID;
			}
		}

		abstract int run(Users users, Actor actor, PrintWriter out) throws Exception;

	}

	@Command(name = "add", mixinStandardHelpOptions = true,
			description = "Create a user and print a new API token as the last line. Without --password-stdin a password is generated and printed.")
	static final class Add extends Sub {

		@Parameters(paramLabel = "NAME", description = "User name: letters, digits, '.', '_', '@', '-'.")
		String name;

		@Option(names = "--role", defaultValue = "VIEWER", paramLabel = "ROLE",
				description = "ADMIN, ANALYST, VIEWER (an enterprise's) or REGULATOR (the zone administration's; default: VIEWER, the least role).")
		Role role;

		@Option(names = "--org", paramLabel = "ORG",
				description = "The user's organisation (default: 'zone' for a REGULATOR, else 'default'; see 'outbound orgs').")
		String org;

		@Option(names = "--password-stdin", description = "Read the password (at least 12 characters) from standard input.")
		boolean passwordStdin;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			String password = null;
			if (this.passwordStdin) {
				password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
				if (password == null) {
					throw new IllegalArgumentException("--password-stdin: no password on standard input");
				}
				password = password.strip();
			}
			Users.Created created = users.add(this.name, this.role, password, this.org, actor.name(), actor.remote());
			out.println("Created user " + created.account().username() + " with role " + created.account().role()
					+ " in organisation " + created.account().orgId() + ".");
			if (created.passwordGenerated()) {
				out.println("Password (shown once; sign in at /login and keep it safe): " + created.password());
			}
			out.println("API token (shown once; send it as 'Authorization: Bearer <token>'):");
			out.println(created.token());
			return Outbound.OK;
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "List users, their roles and organisations.")
	static final class ListUsers extends Sub {

		@Option(names = "--org", paramLabel = "ORG", description = "Only the users of this organisation.")
		String org;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			for (Account a : users.list(this.org)) {
				out.printf("%-30s %-9s %-20s %s%n", a.username(), a.role(), a.orgId(), a.enabled() ? "enabled" : "disabled");
			}
			return Outbound.OK;
		}

	}

	@Command(name = "token", mixinStandardHelpOptions = true,
			description = "Issue another API token for a user; printed as the last line.")
	static final class Token extends Sub {

		@Parameters(paramLabel = "NAME")
		String name;

		@Option(names = "--label", defaultValue = "cli", description = "What the token is for (shown in the audit log).")
		String label;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			String token = users.issueToken(this.name, this.label, actor.name(), actor.remote());
			out.println("API token for " + this.name + " (shown once):");
			out.println(token);
			return Outbound.OK;
		}

	}

	@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke every API token of a user.")
	static final class Revoke extends Sub {

		@Parameters(paramLabel = "NAME")
		String name;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			int n = users.revokeTokens(this.name, actor.name(), actor.remote());
			out.println("Revoked " + n + " token(s) of " + this.name + ". A running server stops accepting them within 10 s.");
			return Outbound.OK;
		}

	}

	@Command(name = "password", mixinStandardHelpOptions = true,
			description = "Set a user's password, read from standard input (at least 12 characters).")
	static final class Password extends Sub {

		@Parameters(paramLabel = "NAME")
		String name;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			String pw = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			if (pw == null) {
				throw new IllegalArgumentException("no password on standard input");
			}
			users.setPassword(this.name, pw.strip(), actor.name(), actor.remote());
			out.println("Password of " + this.name + " set.");
			return Outbound.OK;
		}

	}

	@Command(name = "role", mixinStandardHelpOptions = true, description = "Change a user's role.")
	static final class SetRole extends Sub {

		@Parameters(index = "0", paramLabel = "NAME")
		String name;

		@Parameters(index = "1", paramLabel = "ROLE", description = "ADMIN, ANALYST or VIEWER.")
		Role role;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			users.setRole(this.name, this.role, actor.name(), actor.remote());
			out.println(this.name + " is now " + this.role + ".");
			return Outbound.OK;
		}

	}

	@Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user (sign-in and tokens stop working).")
	static final class Disable extends Sub {

		@Parameters(paramLabel = "NAME")
		String name;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			users.setEnabled(this.name, false, actor.name(), actor.remote());
			out.println(this.name + " is disabled.");
			return Outbound.OK;
		}

	}

	@Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled user.")
	static final class Enable extends Sub {

		@Parameters(paramLabel = "NAME")
		String name;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			users.setEnabled(this.name, true, actor.name(), actor.remote());
			out.println(this.name + " is enabled.");
			return Outbound.OK;
		}

	}

	@Command(name = "org", mixinStandardHelpOptions = true,
			description = "Move a user to another organisation (takes effect on the user's next request).")
	static final class SetOrg extends Sub {

		@Parameters(index = "0", paramLabel = "NAME", description = "The user.")
		String name;

		@Parameters(index = "1", paramLabel = "ORG", description = "The organisation's id.")
		String org;

		@Override
		int run(Users users, Actor actor, PrintWriter out) throws Exception {
			users.setOrg(this.name, this.org, actor.name(), actor.remote());
			out.println("User " + Users.normalizeName(this.name) + " now belongs to organisation "
					+ cn.outbound.service.org.Organisations.requireId(this.org) + ".");
			return Outbound.OK;
		}

	}

}
