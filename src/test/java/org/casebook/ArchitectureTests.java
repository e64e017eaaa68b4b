package org.casebook;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The arrows of Casebook's house point one way: the case model and its taxonomies know
 * nothing of search; search's seam ({@code org.casebook.search}) knows no engine; only
 * the Lucene engine touches Lucene, only the OpenSearch engine Hibernate Search's
 * Elasticsearch backend, neither engine the other, and only the index and the engines
 * touch Hibernate Search; no two packages need each other.
 */
class ArchitectureTests {

	private static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.casebook");
	}

	@Test
	void theCaseModelAndTaxonomiesKnowNothingOfSearch() {
		noClasses().that()
			.resideInAnyPackage("org.casebook.innovation", "org.casebook.taxonomy")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.casebook.search..", "org.hibernate.search..", "org.apache.lucene..")
			.check(classes);
	}

	@Test
	void onlyTheLuceneEngineUsesLucene() {
		noClasses().that()
			.resideOutsideOfPackage("org.casebook.search.lucene..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.lucene..", "org.hibernate.search.backend.lucene..")
			.check(classes);
	}

	@Test
	void onlyTheOpenSearchEngineUsesTheElasticsearchBackend() {
		noClasses().that()
			.resideOutsideOfPackage("org.casebook.search.opensearch..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.hibernate.search.backend.elasticsearch..", "com.google.gson..")
			.check(classes);
	}

	@Test
	void neitherEngineKnowsTheOther() {
		noClasses().that()
			.resideInAPackage("org.casebook.search.lucene..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.casebook.search.opensearch..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("org.casebook.search.opensearch..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.casebook.search.lucene..")
			.check(classes);
	}

	@Test
	void nothingAboveTheSeamSeesHibernateSearch() {
		noClasses().that()
			.resideOutsideOfPackages("org.casebook.search.index..", "org.casebook.search.lucene..",
					"org.casebook.search.opensearch..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.hibernate.search..")
			.check(classes);
	}

	@Test
	void theSeamKnowsNoEngineAndNoWeb() {
		noClasses().that()
			.resideInAPackage("org.casebook.search")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.casebook.search.lucene..", "org.casebook.search.opensearch..",
					"org.casebook.search.index..", "org.casebook.search.web..", "org.casebook.web..",
					"jakarta.servlet..")
			.check(classes);
	}

	@Test
	void theEnginesKnowNoWeb() {
		noClasses().that()
			.resideInAnyPackage("org.casebook.search.lucene..", "org.casebook.search.opensearch..",
					"org.casebook.search.index..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.casebook.search.web..", "org.casebook.web..", "org.casebook.map..",
					"jakarta.servlet..", "org.springframework.web..")
			.check(classes);
	}

	@Test
	void noTwoPackagesNeedEachOther() {
		slices().matching("org.casebook.(**)").should().beFreeOfCycles().check(classes);
	}

}
