package cn.outbound.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import cn.outbound.service.Services;
import cn.outbound.service.assessment.Reviews;
import cn.outbound.service.audit.Actor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code outbound assessments approve|return ID --as USER [--comment TEXT]}: the sign-off of a stored assessment from
 * the command line, under the same rule as the page and the API ({@link Reviews}): USER must be an enabled ADMIN or
 * ANALYST who did not create the assessment; a return needs a comment. The audit entry names USER, from
 * {@code cli@HOST}. Whoever runs the command has the database's trust, as for {@code outbound users}.
 */
@Command(name = "assessments", mixinStandardHelpOptions = true,
		description = { "Sign off stored assessments (database: $OUTBOUND_DB_URL or ./data/).", "复核（批准或退回）已保存的评估。" },
		subcommands = { AssessmentsCommand.Approve.class, AssessmentsCommand.Return.class })
final class AssessmentsCommand extends CommandGroup {

	abstract static class Review implements Callable<Integer> {

		@Spec
		CommandSpec spec;

		@Parameters(paramLabel = "ID", description = "The assessment's number.")
		long id;

		@Option(names = "--as", required = true, paramLabel = "USER",
				description = "The reviewing user: an ADMIN or ANALYST who did not create the assessment.")
		String user;

		@Option(names = "--comment", paramLabel = "TEXT", description = "The review comment (required to return; at most 2000 characters).")
		String comment;

		abstract Reviews.Verdict verdict();

		@Override
		public final Integer call() throws Exception {
			PrintWriter out = this.spec.commandLine().getOut();
			try (Services services = Db.open()) {
				Reviews reviews = new Reviews(services.dataSource(), services.writes(), services.users());
				Reviews.Review r = reviews.review(this.id, verdict(), this.comment, this.user,
						Actor.commandLine().remote());
				out.println("Assessment " + this.id + " " + r.verdict().name().toLowerCase() + " by " + r.reviewer()
						+ " (review " + r.id() + ").");
				return Outbound.OK;
			}
			catch (Reviews.Refused ex) {
				this.spec.commandLine().getErr().println("error: " + ex.getMessage());
				return (ex.reason() == Reviews.Refused.Reason.NOT_FOUND) ? Outbound.FAILED : Outbound.INVALID;
			}
		}

	}

	@Command(name = "approve", mixinStandardHelpOptions = true, description = "Approve an assessment.")
	static final class Approve extends Review {

		@Override
		Reviews.Verdict verdict() {
			return Reviews.Verdict.APPROVED;
		}

	}

	@Command(name = "return", mixinStandardHelpOptions = true, description = "Return an assessment with a comment.")
	static final class Return extends Review {

		@Override
		Reviews.Verdict verdict() {
			return Reviews.Verdict.RETURNED;
		}

	}

}
