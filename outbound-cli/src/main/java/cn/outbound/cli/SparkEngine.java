package cn.outbound.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import cn.outbound.ledger.EventSpec;
import cn.outbound.ledger.PersonClass;
import cn.outbound.ledger.RecordResult;
import cn.outbound.rules.Basis;

/**
 * {@code outbound scan --engine spark}: runs outbound-spark's job, whose classes (and Spark's, about 300 MB) are
 * loaded only now, from {@code outbound-spark/target} (built by {@code ./outbound} on first use), in a class loader of
 * their own over the platform's, so nothing of Spark is on the CLI's class path and nothing of the CLI's libraries
 * meets Spark's. A local master ({@code local[*]}, the default) runs in this process; any other master goes to the
 * cluster's {@code spark-submit} ({@code $SPARK_HOME/bin}) with outbound-spark.jar. A ledger event it records is
 * audited here, as {@code scan --record-to-ledger} is.
 */
final class SparkEngine {

	static final String HOME_PROPERTY = "outbound.spark.home";

	private static final String JOB = "cn.outbound.spark.SparkScanJob";

	private SparkEngine() {
	}

	static int run(List<String> args, String master, PrintWriter out, PrintWriter err) {
		Path home = home();
		if (home == null || !Files.isDirectory(home.resolve("lib"))) {
			err.println("error: --engine spark: outbound-spark is not built; run ./outbound (which builds it), or"
					+ " 'mvn -pl outbound-spark -am package -DskipTests', or set -D" + HOME_PROPERTY
					+ " to its target directory");
			return 2;
		}
		if (master != null && !master.startsWith("local")) {
			return submit(home, args, master, err);
		}
		List<URL> urls = new ArrayList<>();
		try (Stream<Path> jars = Stream.concat(Files.list(home.resolve("lib")), Files.list(home))) {
			for (Path jar : (Iterable<Path>) jars::iterator) {
				String name = jar.getFileName().toString();
				if (name.endsWith(".jar") && !name.equals("outbound-spark.jar") && !name.startsWith("original-")
						&& !name.endsWith("-tests.jar")) {
					urls.add(jar.toUri().toURL());
				}
			}
		}
		catch (IOException ex) {
			err.println("error: --engine spark: cannot list " + home + ": " + ex.getMessage());
			return 1;
		}
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		// left open: Spark's and Hadoop's shutdown hooks load classes from it when the JVM exits
		URLClassLoader loader = new URLClassLoader("outbound-spark", urls.toArray(new URL[0]),
				ClassLoader.getPlatformClassLoader());
		try {
			Thread.currentThread().setContextClassLoader(loader);
			Method run = loader.loadClass(JOB)
				.getMethod("run", String[].class, PrintWriter.class, PrintWriter.class, Map.class, Consumer.class);
			Consumer<Map<String, Object>> audit = r -> audit(recordResult(r), err);
			return (Integer) run.invoke(null, args.toArray(new String[0]), out, err, System.getenv(), audit);
		}
		catch (InvocationTargetException ex) {
			err.println("error: the scan failed: " + Errors.describe(ex.getCause()));
			return 1;
		}
		catch (ReflectiveOperationException | LinkageError ex) {
			err.println("error: --engine spark: cannot start outbound-spark from " + home + ": " + ex);
			return 1;
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
	}

	/** A cluster's master: the cluster's own spark-submit, in client mode so that the report comes here. */
	private static int submit(Path home, List<String> args, String master, PrintWriter err) {
		String sparkHome = System.getenv("SPARK_HOME");
		String submit = (sparkHome != null) ? Path.of(sparkHome, "bin", "spark-submit").toString() : "spark-submit";
		Path jar = home.resolve("outbound-spark.jar");
		List<String> command = new ArrayList<>(List.of(submit, "--master", master, "--deploy-mode", "client",
				"--class", JOB, jar.toString()));
		command.addAll(args);
		err.flush();
		try {
			return new ProcessBuilder(command).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			err.println("error: --master " + master + " runs the cluster's spark-submit, which was not found ("
					+ submit + "): set SPARK_HOME, or see docs/spark.md for spark-submit on YARN and Kubernetes");
			return 2;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	/** -Doutbound.spark.home, else outbound-spark/target beside this jar's module (a checkout). */
	private static Path home() {
		String p = System.getProperty(HOME_PROPERTY);
		if (p != null && !p.isBlank()) {
			return Path.of(p);
		}
		try {
			Path jar = Path.of(SparkEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path target = jar.getParent();
			return (target != null && target.getParent() != null && target.getParent().getParent() != null)
					? target.getParent().getParent().resolve("outbound-spark").resolve("target") : null;
		}
		catch (URISyntaxException | SecurityException ex) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	/** The event's audit entry, as `ledger record` writes it; a failure is told, the event stays recorded. */
	private static void audit(RecordResult r, PrintWriter err) {
		try (cn.outbound.service.Services services = Db.open()) {
			cn.outbound.service.ledger.LedgerService.audit(services.writes(),
					cn.outbound.service.audit.Actor.commandLine(), r);
		}
		catch (Exception ex) {
			err.println("warning: the event is in the ledger, but its audit entry could not be written: "
					+ Errors.describe(ex));
		}
	}

	private static RecordResult recordResult(Map<String, Object> m) {
		EventSpec event = new EventSpec((String) m.get("processor"), (String) m.get("eventKey"),
				LocalDate.parse((String) m.get("date")), (String) m.get("recipient"), Basis.valueOf((String) m.get("basis")),
				null);
		List<RecordResult.Part> parts = new ArrayList<>();
		for (Map<String, Object> p : (List<Map<String, Object>>) m.get("parts")) {
			parts.add(new RecordResult.Part(PersonClass.valueOf((String) p.get("class")), (Long) p.get("identifiers"),
					(Long) p.get("persons"), (Long) p.get("newThisYear")));
		}
		return new RecordResult(RecordResult.Outcome.valueOf((String) m.get("outcome")), (Long) m.get("eventId"), event,
				(Long) m.get("rowsRead"), 0, List.of(), parts, (Boolean) m.get("counted"));
	}

}
