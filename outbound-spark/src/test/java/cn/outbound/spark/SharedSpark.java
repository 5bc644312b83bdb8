package cn.outbound.spark;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM (surefire runs this module's classes in one JVM): local[2], no web UI,
 * listening on loopback only, few shuffle partitions for small data.
 */
public final class SharedSpark {

	private static SparkSession spark;

	private SharedSpark() {
	}

	public static synchronized SparkSession session() {
		if (spark == null) {
			try {
				Path warehouse = Files.createTempDirectory("outbound-spark-warehouse");
				spark = SparkSession.builder()
					.master("local[2]")
					.appName("outbound-spark tests")
					.config("spark.ui.enabled", "false")
					.config("spark.driver.bindAddress", "127.0.0.1")
					.config("spark.driver.host", "127.0.0.1")
					.config("spark.sql.shuffle.partitions", "4")
					.config("spark.sql.warehouse.dir", warehouse.toUri().toString())
					.config("spark.sql.catalogImplementation", "in-memory")
					.getOrCreate();
				spark.sparkContext().setLogLevel("WARN");
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
		return spark;
	}

}
