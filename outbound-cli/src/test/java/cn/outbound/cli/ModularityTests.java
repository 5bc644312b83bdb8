package cn.outbound.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The boundaries of every module, over the main classes of the whole project (this module's class path holds them
 * all), in the manner of spring-modulith's verification: which module may use which, who may know Spring, internal
 * packages stay inside their module, no cycles between modules, and no new cycle between packages. See
 * docs/architecture.md.
 */
@AnalyzeClasses(packages = "cn.outbound", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularityTests {

	private static final String RULES = "cn.outbound.rules..";

	private static final String TABLES = "cn.outbound.tables..";

	private static final String PII = "cn.outbound.pii..";

	private static final String LEDGER = "cn.outbound.ledger..";

	private static final String SCAN = "cn.outbound.scan..";

	private static final String FILING = "cn.outbound.filing..";

	private static final String APP = "cn.outbound.app..";

	private static final String CLI = "cn.outbound.cli..";

	/** The rule core is plain Java and stands on nothing of ours. */
	@ArchTest
	static final ArchRule rulesStandAlone = noClasses().that()
		.resideInAPackage(RULES)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(TABLES, PII, LEDGER, SCAN, FILING, APP, CLI);

	/** Table reading (formats, decoder, readers) is plain Java and stands on nothing of ours. */
	@ArchTest
	static final ArchRule tablesStandAlone = noClasses().that()
		.resideInAPackage(TABLES)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(RULES, PII, LEDGER, SCAN, FILING, APP, CLI);

	/** Person identifiers use only the tables (a reader's cell, {@code CharSlice}, prepared in place). */
	@ArchTest
	static final ArchRule piiUsesTablesOnly = noClasses().that()
		.resideInAPackage(PII)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(RULES, LEDGER, SCAN, FILING, APP, CLI);

	/** pii no longer reads tables: its {@code io} package moved to outbound-tables. */
	@ArchTest
	static final ArchRule piiHoldsNoTableReading = noClasses().should()
		.resideInAPackage("cn.outbound.pii.io..")
		.because("table reading lives in outbound-tables (cn.outbound.tables)");

	/** The ledger uses the rules (bases, thresholds, processor ids), the tables and pii, never the scanner or a door. */
	@ArchTest
	static final ArchRule ledgerUsesRulesAndPiiOnly = noClasses().that()
		.resideInAPackage(LEDGER)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(SCAN, FILING, APP, CLI);

	/** The scanner uses the tables, pii and the rules (for its draft scenario), never the ledger or a door. */
	@ArchTest
	static final ArchRule scanUsesPiiAndRulesOnly = noClasses().that()
		.resideInAPackage(SCAN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(LEDGER, FILING, APP, CLI);

	/** Filing (calendar, deadlines, documents) uses the rules and the ledger, never the scanner or a door. */
	@ArchTest
	static final ArchRule filingUsesRulesAndLedgerOnly = noClasses().that()
		.resideInAPackage(FILING)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(SCAN, APP, CLI);

	/**
	 * Nothing uses outbound-spark or Spark: the CLI loads the Spark job by reflection only for {@code scan --engine
	 * spark} (SparkEngine), so neither is on any other module's class path. outbound-spark's own rules (it uses pii,
	 * scan, ledger and rules only) are in its SparkModuleTests: its classes are not on this class path.
	 */
	@ArchTest
	static final ArchRule nothingUsesSpark = noClasses().that()
		.resideOutsideOfPackage("cn.outbound.spark..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.outbound.spark..", "org.apache.spark..", "scala..");

	/** The server never calls the CLI. */
	@ArchTest
	static final ArchRule appDoesNotUseTheCli = noClasses().that()
		.resideInAPackage(APP)
		.should()
		.dependOnClassesThat()
		.resideInAPackage(CLI);

	/** Only the server knows Spring; of the CLI, only `serve`, which starts it. */
	@ArchTest
	static final ArchRule onlyTheServerKnowsSpring = noClasses().that()
		.resideOutsideOfPackage(APP)
		.and()
		.doNotHaveSimpleName("ServeCommand")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta.servlet..");

	/** A module's {@code internal} packages are used only inside that module. */
	@ArchTest
	static final ArchRule ledgerInternalsStayInside = noClasses().that()
		.resideOutsideOfPackage(LEDGER)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("cn.outbound.ledger.internal..");

	@ArchTest
	static final ArchRule internalsStayInside = noClasses().that()
		.resideOutsideOfPackages(RULES)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("cn.outbound.rules.internal..")
		.allowEmptyShould(true);

	/** No cycle between modules. */
	@ArchTest
	static final ArchRule modulesAreFreeOfCycles = slices().matching("cn.outbound.(*)..").should().beFreeOfCycles();

	/**
	 * No new cycle between packages. The cycles known today are frozen in {@code archunit-frozen} (a list to work
	 * down, see docs/architecture.md); any other fails the build.
	 */
	@ArchTest
	static final ArchRule noNewPackageCycles = FreezingArchRule
		.freeze(slices().matching("cn.outbound.(**)").should().beFreeOfCycles());

}
