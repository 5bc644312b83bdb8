package cn.outbound.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code users}, {@code orgs} …): called alone, it prints its usage. */
abstract class CommandGroup implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
		return Outbound.OK;
	}

}
