package cn.outbound.cli;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import cn.outbound.app.OutboundApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code outbound serve}: the web UI and REST API on http://localhost:8080, with an embedded H2 database under
 * ./data/ (or OUTBOUND_DB_URL). Runs until stopped (Ctrl-C or SIGTERM, which shut it down gracefully).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Start the Outbound server: web UI and REST API (default http://localhost:8080).",
				"启动 Outbound 服务：网页界面与 REST API。",
				"Database: $OUTBOUND_DB_URL, or an embedded H2 file under ./data/ (no set-up)." })
final class ServeCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080; 0 picks a free one).")
	Integer port;

	@Option(names = "--address", paramLabel = "ADDR",
			description = "Address to listen on (default: all interfaces; 127.0.0.1 for this machine only).")
	String address;

	@Override
	public Integer call() {
		if (this.port != null && (this.port < 0 || this.port > 65535)) {
			this.spec.commandLine().getErr().println("error: --port must be 0 to 65535");
			return Outbound.INVALID;
		}
		if (System.getProperty("logging.config") == null) {
			System.setProperty("logging.config", "classpath:outbound/logback-server.xml");
		}
		ConfigurableApplicationContext context;
		try {
			context = (this.address != null)
					? OutboundApplication.start(this.port, "--server.address=" + this.address)
					: OutboundApplication.start(this.port);
		}
		catch (RuntimeException ex) {
			this.spec.commandLine().getErr().println("error: the server did not start: " + Errors.describe(rootCause(ex)));
			return Outbound.FAILED;
		}
		CountDownLatch closed = new CountDownLatch(1);
		context.addApplicationListener(event -> {
			if (event instanceof ContextClosedEvent) {
				closed.countDown();
			}
		});
		if (!context.isActive()) {
			return Outbound.OK;
		}
		try {
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Outbound.OK;
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable t = ex;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t;
	}

}
