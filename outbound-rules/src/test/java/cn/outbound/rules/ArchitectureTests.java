package cn.outbound.rules;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine is pure Java: no web or database framework, so the CLI starts fast and any host can embed it. The parts of
 * the rule-pack loader stay behind its entry ({@code RulePackLoader.load}), so they can be reworked without touching a
 * caller.
 */
@AnalyzeClasses(packages = "cn.outbound.rules", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule noFrameworks = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "jakarta..", "javax.servlet..", "java.sql..", "javax.sql..",
				"org.flywaydb..", "org.h2..", "org.postgresql..", "picocli..", "cn.outbound.ledger..", "cn.outbound.app..");

	@ArchTest
	static final ArchRule engineDoesNotRender = noClasses().that()
		.resideInAPackage("cn.outbound.rules.engine..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("cn.outbound.rules.render..", "tools.jackson..");

	@ArchTest
	static final ArchRule packLoaderPartsStayBehindTheEntry = classes().that()
		.resideInAPackage("cn.outbound.rules.pack")
		.and()
		.haveSimpleNameEndingWith("Binder")
		.or()
		.haveFullyQualifiedName("cn.outbound.rules.pack.PackChecks")
		.or()
		.haveFullyQualifiedName("cn.outbound.rules.pack.PackContext")
		.or()
		.haveFullyQualifiedName("cn.outbound.rules.pack.PackSchemaCheck")
		.should()
		.notBePublic()
		.because("RulePackLoader and RulePacks are the loader's API (issue #10)");

}
