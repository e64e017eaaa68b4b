package org.casebook.curation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.casebook.CasebookIntegrationTest;
import org.casebook.account.AccountService;
import org.casebook.account.Role;
import org.casebook.account.SignIn;
import org.casebook.account.Visitor;
import org.casebook.opendata.CaseImport;
import org.casebook.opendata.ExportFormat;
import org.casebook.search.index.SearchIndexMaintenance;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.Taxonomies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Editors' care of the tags, against the whole application: a tag added, renamed (pages
 * and search show the new label, links with its key still work) and merged into another
 * (its cases found by the other, each a new version, never tagged twice); bad input comes
 * back as the page with its reason under a 400; contributors are kept out.
 */
@CasebookIntegrationTest
class TagEditingTests {

	private static final String PAGE = "/review/tags";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CaseImport imports;

	@Autowired
	SearchIndexMaintenance index;

	@Autowired
	Taxonomies taxonomies;

	@TempDir
	Path directory;

	@AfterEach
	void removeWhatTheTestsMade() {
		this.jdbc.update("DELETE FROM innovation WHERE slug LIKE 'tag-editing-%'");
		this.jdbc.update("DELETE FROM tag WHERE key IN ('quillwort-gardens', 'bramble-lanes', 'thistle-squares')");
		this.index.checkAndRepair();
		this.taxonomies.reload();
	}

	@Test
	void aTagAddedThenRenamedKeepsItsKeyAndIsShownAndFoundByItsNewLabel() throws Exception {
		Visitor editor = editor("tags-editor-one@example.org");
		editor.perform(post(PAGE).param("label", "  Quillwort gardens ").param("_csrf", editor.csrf(PAGE)))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", containsString("/review/tags?added=quillwort-gardens")));
		editor.perform(get(PAGE))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<code>quillwort-gardens</code>")))
			.andExpect(content().string(containsString("Quillwort gardens")));
		assertThat(this.jdbc.queryForObject("SELECT curated FROM tag WHERE key = 'quillwort-gardens'", Boolean.class))
			.isTrue();
		importCases("tag-editing-renamed,Lichen ladders of Ombervale,en,fr,quillwort-gardens\n");

		editor
			.perform(post(PAGE + "/rename").param("tag", "quillwort-gardens")
				.param("newLabel", "Mosswort meadows")
				.param("_csrf", editor.csrf(PAGE)))
			.andExpect(status().isFound());

		editor.perform(get(PAGE)).andExpect(content().string(containsString("Mosswort meadows")));
		this.mvc.perform(get("/innovations").param("tag", "quillwort-gardens"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mosswort meadows")))
			.andExpect(content().string(containsString("Lichen ladders of Ombervale")))
			.andExpect(content().string(not(containsString("Quillwort gardens"))));
		this.mvc.perform(get("/innovations/tag-editing-renamed"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mosswort meadows")));
		// The index has the new label at once: keywords find the case by it.
		this.mvc.perform(get("/api/v1/innovations").param("q", "mosswort"))
			.andExpect(jsonPath("$.items[*].slug", hasItem("tag-editing-renamed")));
		this.mvc.perform(get("/api/v1/innovations").param("tag", "quillwort-gardens"))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].slug").value("tag-editing-renamed"));
	}

	@Test
	void aRenamedTagIsNotShownUnderTheTranslationOfItsOldName() throws Exception {
		Visitor editor = editor("tags-editor-four@example.org");
		assertThat(this.taxonomies.label(Tag.class, "gamification", Locale.FRENCH)).contains("Ludification");
		rename(editor, "gamification", "Serious games");
		try {
			// "Ludification" would name the old label: the new one shows in every
			// language until it is translated.
			assertThat(this.taxonomies.label(Tag.class, "gamification", Locale.FRENCH)).contains("Serious games");
			assertThat(this.taxonomies.label(Tag.class, "gamification", Locale.forLanguageTag("es")))
				.contains("Serious games");
			this.mvc.perform(get("/innovations").param("lang", "fr"))
				.andExpect(content().string(not(containsString("Ludification"))));
		}
		finally {
			rename(editor, "gamification", "Gamification");
		}
		assertThat(this.taxonomies.label(Tag.class, "gamification", Locale.FRENCH)).contains("Ludification");
	}

	@Test
	void aMergeRetagsTheCasesOnceEachAsANewVersionAndDeletesTheTag() throws Exception {
		Visitor editor = editor("tags-editor-two@example.org");
		add(editor, "Bramble lanes");
		add(editor, "Thistle squares");
		importCases("""
				tag-editing-bramble,Gorse bridges one,en,fr,bramble-lanes
				tag-editing-thistle,Gorse bridges two,en,fr,thistle-squares
				tag-editing-both,Gorse bridges three,en,fr,bramble-lanes|thistle-squares
				""");
		this.mvc.perform(get("/api/v1/innovations").param("q", "gorse"))
			.andExpect(jsonPath("$.facets.tag[?(@.key == 'bramble-lanes')].count", hasItem(2)))
			.andExpect(jsonPath("$.facets.tag[?(@.key == 'thistle-squares')].count", hasItem(2)));

		editor
			.perform(post(PAGE + "/merge").param("from", "bramble-lanes")
				.param("into", "thistle-squares")
				.param("_csrf", editor.csrf(PAGE)))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", containsString("merged=thistle-squares")));

		this.mvc.perform(get("/api/v1/innovations").param("tag", "thistle-squares"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.items[*].slug", hasItem("tag-editing-bramble")))
			.andExpect(jsonPath("$.items[*].slug", hasItem("tag-editing-both")));
		// No case has the merged tag any more, in the index as in the database; its key
		// is
		// unknown now, and a search with it says so.
		this.mvc.perform(get("/api/v1/innovations").param("q", "gorse"))
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.facets.tag[?(@.key == 'thistle-squares')].count", hasItem(3)))
			.andExpect(jsonPath("$.facets.tag[?(@.key == 'bramble-lanes')]", hasSize(0)));
		this.mvc.perform(get("/api/v1/innovations").param("tag", "bramble-lanes"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notices", hasSize(1)));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tag WHERE key = 'bramble-lanes'", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForList("SELECT t.tag_key FROM innovation_tag t JOIN innovation i "
				+ "ON i.id = t.innovation_id WHERE i.slug = 'tag-editing-both'", String.class))
			.containsExactly("thistle-squares");
		editor.perform(get(PAGE))
			.andExpect(content().string(not(containsString("bramble-lanes"))))
			.andExpect(content().string(containsString("<td>3</td>")));

		// Each case it changed has a new version by the editor, and its history compares
		// it.
		assertThat(
				this.jdbc.queryForList(
						"SELECT DISTINCT r.author FROM innovation_tag_aud a "
								+ "JOIN revision r ON r.id = a.rev JOIN innovation i ON i.id = a.innovation_id "
								+ "WHERE i.slug = 'tag-editing-bramble' AND a.tag_key = 'thistle-squares'",
						String.class))
			.containsExactly("tags-editor-two@example.org");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM innovation_aud a JOIN innovation i ON i.id = a.id "
				+ "WHERE i.slug = 'tag-editing-thistle'", Long.class))
			.as("a case that had only the kept tag is not changed")
			.isEqualTo(1);
		editor.perform(get("/innovations/tag-editing-both/history"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("tags-editor-two@example.org")));
		// A version's tags are read from the tag table: the merged tag, gone, is left out
		// of the versions before the merge, and the merge shows as the kept tag added.
		Long[] revisions = this.jdbc
			.queryForList("SELECT a.rev FROM innovation_aud a JOIN innovation i ON i.id = a.id "
					+ "WHERE i.slug = 'tag-editing-bramble' ORDER BY a.rev", Long.class)
			.toArray(Long[]::new);
		assertThat(revisions).hasSize(2);
		editor
			.perform(get("/innovations/tag-editing-bramble/history").param("from", revisions[0].toString())
				.param("to", revisions[1].toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Thistle squares")))
			.andExpect(content().string(not(containsString("Nothing differs"))));
	}

	@Test
	void badInputComesBackAsThePageWithItsReasonUnderA400() throws Exception {
		Visitor editor = editor("tags-editor-three@example.org");
		String token = editor.csrf(PAGE);
		refused(editor, post(PAGE).param("label", "   ").param("_csrf", token), "Give the tag a label.");
		refused(editor, post(PAGE).param("label", "open DATA").param("_csrf", token), "exists already");
		refused(editor, post(PAGE).param("label", "!!!").param("_csrf", token), "needs a letter");
		refused(editor, post(PAGE).param("label", "x".repeat(121)).param("_csrf", token), "at most 120 characters");
		refused(editor, post(PAGE).param("_csrf", token), "Give the tag a label.");
		refused(editor,
				post(PAGE + "/rename").param("tag", "no-such-tag").param("newLabel", "Anything").param("_csrf", token),
				"There is no such tag");
		refused(editor, post(PAGE + "/rename").param("tag", "open-data").param("newLabel", "").param("_csrf", token),
				"Give the tag a label.");
		refused(editor,
				post(PAGE + "/rename").param("tag", "open-data")
					.param("newLabel", "Transparency")
					.param("_csrf", token),
				"exists already");
		refused(editor,
				post(PAGE + "/merge").param("from", "open-data").param("into", "open-data").param("_csrf", token),
				"cannot be merged into itself");
		refused(editor,
				post(PAGE + "/merge").param("from", "no-such-tag").param("into", "open-data").param("_csrf", token),
				"There is no such tag");
		refused(editor, post(PAGE + "/merge").param("from", "open-data").param("_csrf", token), "There is no such tag");
		assertThat(this.jdbc.queryForObject("SELECT label FROM tag WHERE key = 'open-data'", String.class))
			.isEqualTo("Open data");
	}

	@Test
	void contributorsAreKeptOut() throws Exception {
		SignIn.account(this.accounts, this.jdbc, "tags-contributor@example.org", Role.CONTRIBUTOR);
		Visitor contributor = SignIn.as(this.mvc, "tags-contributor@example.org", SignIn.PASSWORD);
		contributor.perform(get(PAGE)).andExpect(status().isForbidden());
		contributor.perform(post(PAGE).param("label", "Sneaky tag").param("_csrf", contributor.csrf("/account/cases")))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM tag WHERE key = 'sneaky-tag'", Long.class)).isZero();
		this.mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
	}

	private void refused(Visitor editor,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String message)
			throws Exception {
		editor.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(message)))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
	}

	private void rename(Visitor editor, String tag, String label) throws Exception {
		editor
			.perform(
					post(PAGE + "/rename").param("tag", tag).param("newLabel", label).param("_csrf", editor.csrf(PAGE)))
			.andExpect(status().isFound());
	}

	private void add(Visitor editor, String label) throws Exception {
		editor.perform(post(PAGE).param("label", label).param("_csrf", editor.csrf(PAGE)))
			.andExpect(status().isFound());
	}

	private void importCases(String rows) throws Exception {
		Path file = Files.writeString(this.directory.resolve("cases.csv"),
				"slug,title,language,countries,tags\n" + rows);
		CaseImport.Report report = this.imports.run(file, ExportFormat.CSV, "test", (written) -> {
		});
		assertThat(report.hasProblems()).as("%s", report.problems()).isFalse();
	}

	private Visitor editor(String email) throws Exception {
		SignIn.account(this.accounts, this.jdbc, email, Role.EDITOR);
		return SignIn.as(this.mvc, email, SignIn.PASSWORD);
	}

}
