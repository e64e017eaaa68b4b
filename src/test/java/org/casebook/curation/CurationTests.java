package org.casebook.curation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.casebook.CasebookIntegrationTest;
import org.casebook.account.AccountService;
import org.casebook.account.Role;
import org.casebook.account.SignIn;
import org.casebook.account.Visitor;
import org.casebook.innovation.InnovationIds;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Cases coming in through people, against the whole application: a contributor writes a
 * case in steps (each saved, problems and all), submits it, an editor publishes it and it
 * is found by search at once; returned and declined cases carry their reason; a published
 * case is changed only through a reviewed proposal; no one reaches another's draft.
 */
@CasebookIntegrationTest
class CurationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aContributorsCaseIsReviewedPublishedAndFoundAtOnce() throws Exception {
		Visitor author = contributor("author-one@example.org");
		long id = startDraft(author);

		// A step with problems is saved anyway, and comes back with what was typed.
		author
			.perform(step(author, id, "basics").param("title", "")
				.param("summary", "Citizens repair their street lights with the council.")
				.param("go", "next"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Fill this in before submitting.")))
			.andExpect(content().string(containsString("Choose at least one country.")))
			.andExpect(content().string(containsString("Citizens repair their street lights with the council.")));
		assertThat(fields(id)).contains("Citizens repair their street lights with the council.");

		author.perform(basics(author, id, "Lantern brigades of Quokkaville").param("go", "next"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/contribute/" + id + "/description?saved")));
		author
			.perform(step(author, id, "description").param("overview", "Neighbours fix lights.\n\nThe council pays.")
				.param("sections[WHAT_MAKES_IT_INNOVATIVE]", "Zyzzogeton lamps, repaired by residents.")
				.param("go", "next"))
			.andExpect(status().isFound());
		author
			.perform(step(author, id, "story").param("sections[LESSONS_LEARNED]", "Trust takes time.")
				.param("go", "next"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/files?saved")));
		// Images and files are optional: the step goes on to the last check.
		author
			.perform(post("/contribute/" + id + "/files").param("go", "next")
				.param("_csrf", author.csrf("/contribute/" + id + "/files")))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/check?saved")));
		author.perform(get("/contribute/" + id + "/check"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ready to submit")));
		author
			.perform(post("/contribute/" + id + "/submit").param("_csrf", author.csrf("/contribute/" + id + "/check")))
			.andExpect(status().isFound());
		author.perform(get("/account/cases"))
			.andExpect(content().string(containsString("Lantern brigades of Quokkaville")))
			.andExpect(content().string(containsString("Waiting for review")));
		// Submitted: its author cannot change it any more.
		author.perform(basics(author, id, "Changed after submitting")).andExpect(status().isConflict());

		Visitor editor = editor("editor-one@example.org");
		editor.perform(get("/review"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Lantern brigades of Quokkaville")));
		editor.perform(get("/review/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Zyzzogeton lamps")));
		String location = editor
			.perform(post("/review/" + id + "/publish").param("_csrf", editor.csrf("/review/" + id)))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", matchesPattern(".*/innovations/lantern-brigades-of-quokkaville")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		// Published: the page, and the search, at once (the index follows the commit).
		this.mvc.perform(get(location))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Zyzzogeton lamps, repaired by residents.")));
		long deadline = System.nanoTime() + 1_000_000_000L;
		String found;
		do {
			found = this.mvc.perform(get("/api/v1/innovations").param("q", "zyzzogeton"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
		while (!found.contains("lantern-brigades-of-quokkaville") && System.nanoTime() < deadline);
		assertThat(found).contains("lantern-brigades-of-quokkaville");
		author.perform(get("/account/cases")).andExpect(content().string(containsString("Published")));
		assertThat(this.jdbc.queryForObject(
				"SELECT r.author FROM innovation_aud a JOIN revision r ON r.id = a.rev JOIN innovation i ON i.id = a.id "
						+ "WHERE i.slug = 'lantern-brigades-of-quokkaville'",
				String.class))
			.isEqualTo("editor-one@example.org");
	}

	@Test
	void returnedAndDeclinedCasesCarryTheEditorsReason() throws Exception {
		Visitor author = contributor("author-two@example.org");
		long returned = submitted(author, "A case to return");
		long declined = submitted(author, "A case to decline");
		Visitor editor = editor("editor-two@example.org");

		editor.perform(decide(editor, returned, "return", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Give the author a reason")));
		editor.perform(decide(editor, returned, "return", "Please add the city's own report."))
			.andExpect(status().isFound());
		editor.perform(decide(editor, declined, "decline", "Out of scope: a private company's product."))
			.andExpect(status().isFound());
		// Decided once: not again.
		editor.perform(decide(editor, declined, "return", "Again")).andExpect(status().isConflict());

		author.perform(get("/account/cases"))
			.andExpect(content().string(containsString("Returned to you")))
			.andExpect(content().string(containsString("Please add the city&#39;s own report.")))
			.andExpect(content().string(containsString("Reviewed – not currently published")))
			.andExpect(content().string(containsString("Out of scope: a private company&#39;s product.")));
		// Returned: its author edits it and submits again.
		author.perform(get("/contribute/" + returned + "/basics"))
			.andExpect(content().string(containsString("Please add the city&#39;s own report.")));
		author.perform(basics(author, returned, "A case returned and mended")).andExpect(status().isFound());
		author
			.perform(post("/contribute/" + returned + "/submit").param("_csrf",
					author.csrf("/contribute/" + returned + "/check")))
			.andExpect(status().isFound());
		editor.perform(get("/review")).andExpect(content().string(containsString("A case returned and mended")));
	}

	@Test
	void aPublishedCaseChangesOnlyThroughAReviewedProposal() throws Exception {
		Visitor author = contributor("author-three@example.org");
		Visitor editor = editor("editor-three@example.org");
		long id = submitted(author, "Open budget of Wombatton");
		editor.perform(post("/review/" + id + "/publish").param("_csrf", editor.csrf("/review/" + id)));

		String change = author
			.perform(post("/contribute/change/open-budget-of-wombatton").param("_csrf", author.csrf("/contribute")))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long proposal = Long.parseLong(change.replaceAll(".*/contribute/(\\d+)/basics", "$1"));
		author.perform(get(change))
			.andExpect(content().string(containsString("A change to the published case")))
			.andExpect(content().string(containsString("value=\"Open budget of Wombatton\"")));
		author.perform(basics(author, proposal, "Open budget of Wombatton, year two")).andExpect(status().isFound());
		author
			.perform(post("/contribute/" + proposal + "/submit").param("_csrf",
					author.csrf("/contribute/" + proposal + "/check")))
			.andExpect(status().isFound());
		// The published case is unchanged until an editor publishes the change.
		this.mvc.perform(get("/innovations/open-budget-of-wombatton"))
			.andExpect(content().string(not(containsString("year two"))));
		editor.perform(get("/review").param("kind", "change"))
			.andExpect(content().string(containsString("Open budget of Wombatton, year two")))
			.andExpect(content().string(not(containsString(">A case to return<"))));
		editor.perform(get("/review/" + proposal))
			.andExpect(content().string(containsString("A proposed change to the published case")));
		editor.perform(post("/review/" + proposal + "/publish").param("_csrf", editor.csrf("/review/" + proposal)))
			.andExpect(header().string("Location", endsWith("/innovations/open-budget-of-wombatton")));
		this.mvc.perform(get("/innovations/open-budget-of-wombatton"))
			.andExpect(content().string(containsString("Open budget of Wombatton, year two")));
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM innovation_aud a JOIN innovation i ON i.id = a.id "
				+ "WHERE i.slug = 'open-budget-of-wombatton'", Integer.class))
			.isEqualTo(2);
	}

	@Test
	void editorsEditAnyCaseAndPublishTheirEditAtOnce() throws Exception {
		Visitor author = contributor("author-ten@example.org");
		Visitor editor = editor("editor-ten@example.org");
		long id = submitted(author, "Ferry timetables of Numbat Sound");
		editor.perform(post("/review/" + id + "/publish").param("_csrf", editor.csrf("/review/" + id)));
		String casePath = "/innovations/ferry-timetables-of-numbat-sound";
		editor.perform(get(casePath)).andExpect(content().string(containsString("Edit this case")));
		author.perform(get(casePath))
			.andExpect(content().string(containsString("Propose a change to this case")))
			.andExpect(content().string(not(containsString("Edit this case"))));

		String edit = editor
			.perform(post("/contribute/change/ferry-timetables-of-numbat-sound").param("_csrf", editor.csrf(casePath)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long draft = Long.parseLong(edit.replaceAll(".*/contribute/(\\d+)/basics", "$1"));
		editor.perform(basics(editor, draft, "Ferry timetables of Numbat Sound, corrected"))
			.andExpect(status().isFound());
		String check = "/contribute/" + draft + "/check";
		editor.perform(get(check)).andExpect(content().string(containsString("Publish now")));
		author.perform(get("/contribute/" + startDraft(author) + "/check"))
			.andExpect(content().string(not(containsString("Publish now"))));
		// Only editors publish without review; contributors cannot, even by hand.
		author.perform(post("/review/drafts/" + draft + "/publish").param("_csrf", author.csrf("/contribute")))
			.andExpect(status().isForbidden());

		editor.perform(post("/review/drafts/" + draft + "/publish").param("_csrf", editor.csrf(check)))
			.andExpect(header().string("Location", endsWith(casePath)));
		this.mvc.perform(get(casePath))
			.andExpect(content().string(containsString("Ferry timetables of Numbat Sound, corrected")));
		assertThat(this.jdbc.queryForObject("SELECT r.author FROM innovation_aud v JOIN revision r ON r.id = v.rev "
				+ "JOIN innovation i ON i.id = v.id WHERE i.slug = 'ferry-timetables-of-numbat-sound' "
				+ "ORDER BY v.rev DESC LIMIT 1", String.class))
			.contains("editor-ten@example.org");
		editor.perform(get("/review"))
			.andExpect(content().string(not(containsString("Ferry timetables of Numbat Sound, corrected"))));
	}

	@Test
	void everyVersionIsKeptComparedAndRestoredAndThePublicSeesOnlyPublishedOnes() throws Exception {
		Visitor author = contributor("author-six@example.org");
		Visitor editor = editor("editor-six@example.org");
		long id = submitted(author, "Library of things in Numbatville");
		editor.perform(post("/review/" + id + "/publish").param("_csrf", editor.csrf("/review/" + id)));
		String slug = "library-of-things-in-numbatville";
		String change = author.perform(post("/contribute/change/" + slug).param("_csrf", author.csrf("/contribute")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long proposal = Long.parseLong(change.replaceAll(".*/contribute/(\\d+)/basics", "$1"));
		author.perform(basics(author, proposal, "Library of tools in Numbatville")).andExpect(status().isFound());
		author.perform(post("/contribute/" + proposal + "/submit").param("_csrf",
				author.csrf("/contribute/" + proposal + "/check")));
		editor.perform(post("/review/" + proposal + "/publish").param("_csrf", editor.csrf("/review/" + proposal)));

		List<Long> revisions = this.jdbc
			.queryForList("SELECT a.rev FROM innovation_aud a JOIN innovation i ON i.id = a.id "
					+ "WHERE i.slug = ? ORDER BY a.rev", Long.class, slug);
		assertThat(revisions).hasSize(2);
		String history = "/innovations/" + slug + "/history";
		this.mvc.perform(get(history))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2 versions")))
			.andExpect(content().string(not(containsString("editor-six@example.org"))));
		this.mvc
			.perform(get(history).param("from", revisions.get(0).toString()).param("to", revisions.get(1).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<del>things</del><ins>tools</ins>")))
			.andExpect(content().string(not(containsString("Sectors</dt>"))));

		// An editor restores the first version, as a third one.
		editor.perform(get(history)).andExpect(content().string(containsString("editor-six@example.org")));
		editor
			.perform(post("/review/cases/" + slug + "/restore").param("revision", revisions.get(0).toString())
				.param("_csrf", editor.csrf(history)))
			.andExpect(status().isFound());
		this.mvc.perform(get("/innovations/" + slug))
			.andExpect(content().string(containsString("Library of things in Numbatville")));
		this.mvc.perform(get(history)).andExpect(content().string(containsString("3 versions")));

		// Archived: out of the catalogue; its page and its history are not public any
		// more.
		editor.perform(post("/review/cases/" + slug + "/archive").param("_csrf", editor.csrf(history)))
			.andExpect(status().isFound());
		this.mvc.perform(get("/innovations/" + slug)).andExpect(status().isNotFound());
		this.mvc.perform(get(history)).andExpect(status().isNotFound());
		this.mvc
			.perform(get(history).param("from", revisions.get(0).toString()).param("to", revisions.get(1).toString()))
			.andExpect(status().isNotFound());
		editor.perform(get(history))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td>Archived</td>")));
		assertThat(this.mvc.perform(get("/api/v1/innovations").param("q", "numbatville"))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(slug);
	}

	@Test
	void aCaseWrittenWithoutHistoryKeepsWhatItWasWhenItFirstChanges() throws Exception {
		// As the seed, generated demo cases and cases from before history was kept: no
		// version recorded.
		long id = this.jdbc.execute((java.sql.Connection connection) -> InnovationIds.reserve(connection, 1)[0]);
		String slug = "tool-library-of-dingo-flats";
		this.jdbc.update("""
				INSERT INTO innovation (id, slug, title, summary, overview, launch_year, level_key, language, status,
				  created_at, updated_at, published_at)
				VALUES (?, ?, 'Tool library of Dingo Flats',
				  'What Tool library of Dingo Flats does, in two sentences. It works.', 'What it is.', 2021, 'local',
				  'en', 'PUBLISHED', now(), now(), now())""", id, slug);
		this.jdbc.update("INSERT INTO innovation_country VALUES (?, 'pl'), (?, 'de')", id, id);
		this.jdbc.update("INSERT INTO innovation_sector VALUES (?, 'health')", id);
		this.jdbc.update("INSERT INTO innovation_organisation (innovation_id, position, name) "
				+ "VALUES (?, 0, 'City of Quokkaville')", id);
		Visitor editor = editor("editor-eleven@example.org");
		String history = "/innovations/" + slug + "/history";
		editor.perform(get(history)).andExpect(content().string(containsString("No change has been recorded")));

		String edit = editor.perform(post("/contribute/change/" + slug).param("_csrf", editor.csrf("/contribute")))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long draft = Long.parseLong(edit.replaceAll(".*/contribute/(\\d+)/basics", "$1"));
		editor.perform(basics(editor, draft, "Tool library of Dingo Flats")).andExpect(status().isFound());
		editor.perform(step(editor, draft, "description").param("overview", "What it is, and what it lends."))
			.andExpect(status().isFound());
		editor.perform(post("/review/drafts/" + draft + "/publish").param("_csrf",
				editor.csrf("/contribute/" + draft + "/check")));

		List<Long> revisions = this.jdbc.queryForList("SELECT rev FROM innovation_aud WHERE id = ? ORDER BY rev",
				Long.class, id);
		assertThat(revisions).hasSize(2);
		assertThat(this.jdbc.queryForList("SELECT country_code FROM innovation_country_aud WHERE innovation_id = ? "
				+ "AND rev = ? ORDER BY country_code", String.class, id, revisions.get(0)))
			.containsExactly("de", "pl");
		// What changed is the overview only: the countries, sector and organisation it
		// kept are not shown as taken away and given again.
		String compared = editor
			.perform(get(history).param("from", revisions.get(0).toString()).param("to", revisions.get(1).toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(compared).contains("What it <del>is.</del><ins>is, and what it lends.</ins>")
			.doesNotContain("Summary (a few sentences)</dt>")
			.doesNotContain("Countries</dt>")
			.doesNotContain("Sectors</dt>")
			.doesNotContain("Organisations</dt>");
		this.mvc.perform(get(history))
			.andExpect(content().string(containsString("2 versions")))
			.andExpect(content().string(containsString("Casebook")));
	}

	@Test
	void whatWasTypedWhenTheSessionEndedIsSavedOnceTheAuthorIsBack() throws Exception {
		Visitor author = contributor("author-seven@example.org");
		long id = startDraft(author);
		String token = author.csrf("/contribute/" + id + "/basics");
		// The session ends (expired, or a restart of a node without shared sessions).
		this.jdbc.update("DELETE FROM spring_session WHERE principal_name = ?", "author-seven@example.org");

		// A step posted from another site is refused, and nothing of it is kept.
		author
			.perform(post("/contribute/" + id + "/basics").header("Sec-Fetch-Site", "cross-site")
				.param("_csrf", token)
				.param("title", "Planted by another site"))
			.andExpect(status().isForbidden());

		author
			.perform(post("/contribute/" + id + "/basics").header("Sec-Fetch-Site", "same-origin")
				.param("_csrf", token)
				.param("title", "Typed for an hour")
				.param("summary", "Every word of it.")
				.param("countries", "fr", "de")
				.param("organisations[0].name", "City of Wallabyville")
				.param("go", "next"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login?done=expired")));
		author.perform(get("/login?done=expired"))
			.andExpect(content().string(containsString("Your session had ended")));
		String back = SignIn.signIn(author, "author-seven@example.org", SignIn.PASSWORD);
		assertThat(back).contains("/contribute/" + id + "/basics");
		author.perform(get(back))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("what you typed then is saved")))
			.andExpect(content().string(containsString("value=\"Typed for an hour\"")));
		assertThat(fields(id)).contains("Typed for an hour", "Every word of it.", "City of Wallabyville", "\"de\"")
			.doesNotContain("Planted by another site");
	}

	@Test
	void editorsTakeCompleteCasesFirstIfTheyWish() throws Exception {
		Visitor author = contributor("author-eight@example.org");
		long partial = submitted(author, "Partly told case of Bilbyton");
		long whole = startDraft(author);
		author.perform(basics(author, whole, "Wholly told case of Bilbyton")).andExpect(status().isFound());
		var description = step(author, whole, "description").param("overview", "All of it.");
		var story = step(author, whole, "story");
		for (org.casebook.innovation.Section section : org.casebook.innovation.Section.values()) {
			(FormStep.DESCRIPTION.sections().contains(section) ? description : story)
				.param("sections[" + section.name() + "]", "Told.");
		}
		author.perform(description).andExpect(status().isFound());
		author.perform(story).andExpect(status().isFound());
		author
			.perform(post("/contribute/" + whole + "/submit").param("_csrf",
					author.csrf("/contribute/" + whole + "/check")))
			.andExpect(status().isFound());

		Visitor editor = editor("editor-eight@example.org");
		editor.perform(get("/review").param("complete", "yes"))
			.andExpect(content().string(containsString("Wholly told case of Bilbyton")))
			.andExpect(content().string(containsString("100 %")))
			.andExpect(content().string(not(containsString("Partly told case of Bilbyton"))));
		editor.perform(get("/review").param("complete", "no"))
			.andExpect(content().string(containsString("Partly told case of Bilbyton")))
			.andExpect(content().string(not(containsString("Wholly told case of Bilbyton"))));
		assertThat(this.jdbc.queryForObject("SELECT completeness FROM submission WHERE id = ?", Integer.class, partial))
			.isEqualTo(9);
	}

	@Test
	void noOneReachesAnothersDraftAndOnlyEditorsReview() throws Exception {
		Visitor author = contributor("author-four@example.org");
		long id = startDraft(author);
		Visitor other = contributor("other-four@example.org");
		other.perform(get("/contribute/" + id + "/basics")).andExpect(status().isNotFound());
		other
			.perform(post("/contribute/" + id + "/basics").param("title", "Taken over")
				.param("_csrf", other.csrf("/contribute")))
			.andExpect(status().isNotFound());
		other.perform(get("/review")).andExpect(status().isForbidden());
		other.perform(get("/review/" + id)).andExpect(status().isForbidden());
		this.mvc.perform(get("/contribute/" + id + "/basics"))
			.andExpect(status().isFound())
			.andExpect(header().string("Location", endsWith("/login")));
		author.perform(get("/contribute/" + id + "/nowhere")).andExpect(status().isNotFound());
	}

	@Test
	void aScriptTypedInAnyFieldNeverRuns() throws Exception {
		String script = "<script>alert(1)</script><img src=x onerror=alert(2)>";
		Visitor author = contributor("author-five@example.org");
		long id = startDraft(author);
		author
			.perform(step(author, id, "basics").param("title", "Hostile " + script)
				.param("summary", "Summary " + script)
				.param("countries", "fr")
				.param("organisations[0].name", "Org " + script)
				.param("locationName", "Place " + script)
				.param("latitude", "48.85")
				.param("longitude", "2.35")
				.param("links[0].url", "https://example.org/" + "x")
				.param("links[0].title", "Link " + script))
			.andExpect(status().isFound());
		author
			.perform(step(author, id, "description").param("overview", "Overview " + script)
				.param("sections[WHAT_MAKES_IT_INNOVATIVE]", "Section " + script))
			.andExpect(status().isFound());
		author
			.perform(post("/contribute/" + id + "/submit").param("_csrf", author.csrf("/contribute/" + id + "/check")))
			.andExpect(status().isFound());
		Visitor editor = editor("editor-five@example.org");
		assertNoScript(editor.perform(get("/review/" + id)).andReturn().getResponse().getContentAsString());
		String slug = editor.perform(post("/review/" + id + "/publish").param("_csrf", editor.csrf("/review/" + id)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		// The JSON API gives the text as it is, as data that no browser runs.
		this.mvc.perform(get("/api/v1/innovations?q=hostile"))
			.andExpect(header().string("Content-Type", containsString("application/json")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		for (String page : new String[] { slug, "/innovations?q=hostile", "/innovations.atom?q=hostile",
				"/innovations?q=hostile&view=map", "/statistics?q=hostile" }) {
			assertNoScript(
					this.mvc.perform(get(page)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		}
		assertNoScript(author.perform(get("/account/cases")).andReturn().getResponse().getContentAsString());
	}

	@Test
	void theCheckStepShowsThePublishedCasesADraftMayDuplicate() throws Exception {
		Visitor author = contributor("author-similar@example.org");
		String govTech = "/innovations/govtech-poland-challenge-based-procurement";

		long duplicate = startDraft(author);
		author.perform(basics(author, duplicate, "Challenge-based procurement for GovTech in Poland").param("summary",
				"In Poland, GovTech runs a challenge based procurement model: the authors of the best idea are "
						+ "given the implementation contract without another tender, which opened public "
						+ "procurement to SMEs and creative individuals."))
			.andExpect(status().isFound());
		List<String> similar = similarCases(author, duplicate);
		assertThat(similar).isNotEmpty().hasSizeLessThanOrEqualTo(SimilarCases.SHOWN).contains(govTech);

		long unrelated = startDraft(author);
		author
			.perform(basics(author, unrelated, "Sandbag brigades of Wallabyton").param("summary",
					"Volunteers fill sandbags and keep the river out of the old town during the spring floods."))
			.andExpect(status().isFound());
		assertThat(similarCases(author, unrelated)).isNotEmpty().first().isNotEqualTo(govTech);

		// A fresh draft has no text to compare: no list.
		long empty = startDraft(author);
		author.perform(get("/contribute/" + empty + "/check"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Similar cases already in Casebook"))));
	}

	/** The links of the similar cases on a draft's check step, in their order. */
	private static List<String> similarCases(Visitor author, long id) throws Exception {
		String page = author.perform(get("/contribute/" + id + "/check"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		int start = page.indexOf("<section class=\"similar\"");
		if (start < 0) {
			return List.of();
		}
		String section = page.substring(start, page.indexOf("</section>", start));
		assertThat(section).contains("Similar cases already in Casebook").contains("propose a change to it");
		return Pattern.compile("<a href=\"([^\"]+)\"").matcher(section).results().map((link) -> link.group(1)).toList();
	}

	private static void assertNoScript(String page) {
		assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
	}

	private Visitor contributor(String email) throws Exception {
		SignIn.account(this.accounts, this.jdbc, email, Role.CONTRIBUTOR);
		return SignIn.as(this.mvc, email, SignIn.PASSWORD);
	}

	private Visitor editor(String email) throws Exception {
		SignIn.account(this.accounts, this.jdbc, email, Role.EDITOR);
		return SignIn.as(this.mvc, email, SignIn.PASSWORD);
	}

	private static long startDraft(Visitor author) throws Exception {
		String location = author.perform(post("/contribute").param("_csrf", author.csrf("/contribute")))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		return Long.parseLong(location.replaceAll(".*/contribute/(\\d+)/basics", "$1"));
	}

	/** A draft submitted with the least a case needs. */
	private static long submitted(Visitor author, String title) throws Exception {
		long id = startDraft(author);
		author.perform(basics(author, id, title)).andExpect(status().isFound());
		author.perform(step(author, id, "description").param("overview", "What " + title + " is."))
			.andExpect(status().isFound());
		author
			.perform(post("/contribute/" + id + "/submit").param("_csrf", author.csrf("/contribute/" + id + "/check")))
			.andExpect(status().isFound());
		return id;
	}

	private static MockHttpServletRequestBuilder step(Visitor author, long id, String step) throws Exception {
		return post("/contribute/" + id + "/" + step).param("_csrf", author.csrf("/contribute/" + id + "/" + step));
	}

	private static MockHttpServletRequestBuilder basics(Visitor author, long id, String title) throws Exception {
		return step(author, id, "basics").param("title", title)
			.param("summary", "What " + title + " does, in two sentences. It works.")
			.param("language", "en")
			.param("countries", "pl", "de")
			.param("launchYear", "2021")
			.param("level", "local")
			.param("organisations[0].name", "City of Quokkaville")
			.param("sectors", "health")
			.param("tags", "");
	}

	private static MockHttpServletRequestBuilder decide(Visitor editor, long id, String decision, String reason)
			throws Exception {
		return post("/review/" + id + "/decide").param("decision", decision)
			.param("reason", reason)
			.param("_csrf", editor.csrf("/review/" + id));
	}

	private String fields(long id) {
		return this.jdbc.queryForObject("SELECT fields FROM submission WHERE id = ?", String.class, id);
	}

}
