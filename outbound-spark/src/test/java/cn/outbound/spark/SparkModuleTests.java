package cn.outbound.spark;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * outbound-spark's place among the modules (docs/architecture.md): it uses pii, scan, ledger and rules, never the
 * server, the CLI or filing, and the ledger's internals not at all; its one class in the scanner's package (the
 * adapter over the scanner's package-private parts) uses no Spark, so the scanner's rules hold for it. The other side,
 * that nothing uses this module, is checked by the CLI's ModularityTests.
 */
@AnalyzeClasses(packages = "cn.outbound", importOptions = ImportOption.DoNotIncludeTests.class)
class SparkModuleTests {

	@ArchTest
	static final ArchRule sparkUsesPiiScanLedgerAndRulesOnly = noClasses().that()
		.resideInAPackage("cn.outbound.spark..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.outbound.app..", "cn.outbound.cli..", "cn.outbound.filing..",
				"cn.outbound.ledger.internal..", "org.springframework..");

	@ArchTest
	static final ArchRule theAdapterIsPlainScannerCode = noClasses().that()
		.haveSimpleName("SparkAdapter")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.spark..", "scala..", "cn.outbound.spark..", "cn.outbound.ledger..");

}
