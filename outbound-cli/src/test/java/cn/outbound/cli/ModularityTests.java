package cn.outbound.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
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

	private static final String SERVICE = "cn.outbound.service..";

	private static final String APP = "cn.outbound.app..";

	private static final String CLI = "cn.outbound.cli..";

	private static final String REPORT = "cn.outbound.report..";

	/** Documents (the model, DOCX and PDF) are plain Java and stand on nothing of ours: any door may write any document. */
	@ArchTest
	static final ArchRule reportStandsAlone = noClasses().that()
		.resideInAPackage(REPORT)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(RULES, TABLES, PII, LEDGER, SCAN, FILING, SERVICE, APP, CLI);

	/** The rule core is plain Java and stands on nothing of ours. */
	@ArchTest
	static final ArchRule rulesStandAlone = noClasses().that()
		.resideInAPackage(RULES)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(TABLES, PII, LEDGER, SCAN, FILING, SERVICE, APP, CLI);

	/** Table reading (formats, decoder, readers) is plain Java and stands on nothing of ours. */
	@ArchTest
	static final ArchRule tablesStandAlone = noClasses().that()
		.resideInAPackage(TABLES)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(RULES, PII, LEDGER, SCAN, FILING, SERVICE, APP, CLI);

	/** Person identifiers use only the tables (a reader's cell, {@code CharSlice}, prepared in place). */
	@ArchTest
	static final ArchRule piiUsesTablesOnly = noClasses().that()
		.resideInAPackage(PII)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(RULES, LEDGER, SCAN, FILING, SERVICE, APP, CLI);

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
		.resideInAnyPackage(SCAN, FILING, SERVICE, APP, CLI);

	/** The scanner uses the tables, pii and the rules (for its draft scenario), never the ledger or a door. */
	@ArchTest
	static final ArchRule scanUsesPiiAndRulesOnly = noClasses().that()
		.resideInAPackage(SCAN)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(LEDGER, FILING, SERVICE, APP, CLI);

	/** Filing (calendar, deadlines, documents) uses the rules and the ledger, never the scanner or a door. */
	@ArchTest
	static final ArchRule filingUsesRulesAndLedgerOnly = noClasses().that()
		.resideInAPackage(FILING)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(SCAN, SERVICE, APP, CLI);

	/**
	 * The application layer (users, audit and the write path, assessments, deciding, ledger recording, database
	 * settings) uses the rules, the tables, pii, the ledger and the scanner; it never knows a door (the server or the CLI), so
	 * that every door calls it alike.
	 */
	@ArchTest
	static final ArchRule serviceKnowsNoDoor = noClasses().that()
		.resideInAPackage(SERVICE)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(APP, CLI);

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

	/** The CLI calls the application layer; of the server, only {@code serve} knows it, to start it. */
	@ArchTest
	static final ArchRule onlyServeUsesTheServer = noClasses().that()
		.resideInAPackage(CLI)
		.and()
		.doNotHaveSimpleName("ServeCommand")
		.should()
		.dependOnClassesThat()
		.resideInAPackage(APP);

	/**
	 * Only the server knows Spring; of the CLI, only `serve`, which starts it. The application layer has its own rule
	 * below.
	 */
	@ArchTest
	static final ArchRule onlyTheServerKnowsSpring = noClasses().that()
		.resideOutsideOfPackages(APP, SERVICE)
		.and()
		.doNotHaveSimpleName("ServeCommand")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta.servlet..");

	/**
	 * The application layer runs without a Spring context or a servlet container: of Spring it uses only the
	 * standalone crypto jar of Spring Security (bcrypt for passwords).
	 */
	@ArchTest
	static final ArchRule theServiceKnowsNoSpringButItsCrypto = noClasses().that()
		.resideInAPackage(SERVICE)
		.should()
		.dependOnClassesThat(resideInAnyPackage("org.springframework..", "jakarta..")
			.and(not(resideInAPackage("org.springframework.security.crypto.."))));

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
