package io.singlewindow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** Module boundaries hold (no cycles, no access to another module's internals); writes the module documentation. */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(SingleWindowApplication.class);

	@Test
	void verifiesModularStructure() {
		modules.verify();
	}

	/** Controllers are named one way: {@code *Api} answers JSON under {@code /api/}, {@code *Pages} renders pages. */
	@Test
	void controllersAreNamedOneWay() {
		var platform = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.singlewindow");
		classes().that().areAnnotatedWith(RestController.class).should().haveSimpleNameEndingWith("Api")
			.check(platform);
		classes().that().areAnnotatedWith(Controller.class).should().haveSimpleNameEndingWith("Pages")
			.check(platform);
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
