package cn.outbound.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import cn.outbound.service.Services;
import cn.outbound.service.audit.AuditEvent;
import cn.outbound.service.audit.AuditLog;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code outbound audit}: read the append-only audit log and check its hash chain. {@code verify} exits 0 when the
 * chain is intact and 3 when it has been tampered with; {@code verify --head HASH} also exits 3 when the chain no
 * longer reaches a head kept elsewhere, and 2 when HASH is not 64 hex digits.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
		description = { "Read and verify the audit log (database: $OUTBOUND_DB_URL or ./data/).", "查看并校验审计日志。" },
		subcommands = { AuditCommand.Verify.class, AuditCommand.ListEntries.class })
final class AuditCommand implements Callable<Integer> {

	/** Exit status of {@code audit verify} when the chain is broken. */
	static final int TAMPERED = 3;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
		return Outbound.OK;
	}

	@Command(name = "verify", mixinStandardHelpOptions = true,
			description = { "Check the hash chain: exit 0 if intact, 3 if an entry was edited, removed or inserted.",
					"Keep the head it prints somewhere else (a ticket, another system): deleting the last entries and"
							+ " moving the head back leaves a shorter chain that is intact, which only --head detects.",
					"校验哈希链：完整时退出码 0，被篡改时 3。请把输出的链头哈希另行保存；--head 校验链是否仍到达该链头。" })
	static final class Verify implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--head", paramLabel = "HASH",
				description = "A head hash kept earlier (64 hex digits): exit 3 unless the intact chain still reaches it.")
		String head;

		@Override
		public Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			String kept = null;
			if (this.head != null) {
				try {
					kept = AuditLog.keptHead(this.head);
				}
				catch (IllegalArgumentException ex) {
					throw new CommandLine.ParameterException(this.spec.commandLine(), "--head " + ex.getMessage());
				}
			}
			try (Services services = Db.open()) {
				AuditLog.Verification v = services.auditLog().verify(kept);
				if (v.intact()) {
					out.println("Audit log intact: " + v.entries() + " entries; head " + v.headHash()
							+ ((v.headAt() != null) ? " (" + v.headAt() + ")" : ""));
					if (v.keptHead() != null) {
						out.println("Kept head " + v.keptHead().hash() + " is entry " + v.keptHead().seq()
								+ ((v.keptHead().at() != null) ? " (" + v.keptHead().at() + ")" : "")
								+ ": the chain still reaches it.");
					}
					return Outbound.OK;
				}
				out.println("AUDIT LOG TAMPERED: " + v.problems().size() + " problem(s) in " + v.entries() + " entries:");
				v.problems().forEach(p -> out.println("  " + p));
				return TAMPERED;
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true, description = "Print the latest entries, newest first.")
	static final class ListEntries implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Option(names = "--limit", defaultValue = "50", paramLabel = "N")
		int limit;

		@Option(names = "--action", paramLabel = "ACTION", description = "Only this action, e.g. ASSESSMENT_CREATED.")
		String action;

		@Override
		public Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			try (Services services = Db.open()) {
				for (AuditEvent e : services.auditLog().page(0, Math.max(1, this.limit), this.action)) {
					out.printf("%6d  %s  %-20s %-22s %-24s %s%s%n", e.seq(), e.at(), e.actor(), e.action(),
							(e.target() != null) ? e.target() : "", (e.remote() != null) ? e.remote() : "",
							(e.details() != null) ? "  " + e.details() : "");
				}
			}
			return Outbound.OK;
		}

	}

}
