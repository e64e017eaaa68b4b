package org.casebook.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.casebook.account.Role;
import org.casebook.innovation.Revision;
import org.casebook.opendata.ImportJobs;
import org.casebook.search.Facet;
import org.casebook.search.index.Analyzers;
import org.casebook.taxonomy.ContentLanguage;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.casebook.taxonomy.Taxonomies;
import org.casebook.taxonomy.TaxonomyTerm;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text on screen comes from the message bundles, in every interface language: no
 * key may be missing in any of them, no template or script may write words of its own,
 * and the keys that code makes (from enums, in Java) are there too. Templates and scripts
 * are read from the sources; the bundles as the build copied them.
 */
class MessagesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path SCRIPTS = Path.of("src/main/resources/static/js");

	static final Path SOURCES = Path.of("src/main/java");

	static final Path CLASSES = Path.of("target/classes");

	/** The bundles besides the default one, which is English. */
	static final List<String> TRANSLATIONS = List.of("fr", "es");

	/** Texts that are names, the same in every language. */
	static final Set<String> NAMES = Set.of("app.name", "language.name.en", "language.name.fr", "language.name.es",
			"export.jsonl", "about.credits.naturalEarth", "about.credits.odbl", "about.credits.leaflet",
			"about.credits.markercluster", "about.credits.topojson", "about.credits.htmx", "history.kind.SYSTEM",
			"file.type.pdf");

	/** Texts whose words are the same in English and in a translation. */
	static final Map<String, Set<String>> SAME_WORDS = Map.of("fr",
			Set.of("format.date", "files.description", "nav.innovations", "list.title", "statistics.count",
					"map.table.count", "map.country", "detail.organisations", "detail.source", "detail.licence",
					"contribute.step.description", "contribute.field.latitude", "contribute.field.longitude",
					"term.governmentLevel.local"),
			"es", Set.of("facet.sector", "role.EDITOR", "accounts.no", "accounts.notHeld", "file.size.kb",
					"file.size.mb", "term.governmentLevel.local"));

	/**
	 * A key in a template: {@code #{key}}, {@code #{key(…)}} or
	 * {@code #messages.msg('key')}.
	 */
	private static final Pattern TEMPLATE_KEY = Pattern
		.compile("#\\{([a-zA-Z0-9_.]+)|#messages\\.msg\\('([a-zA-Z0-9_.]+)'");

	/** The start of a key that a template completes, such as {@code 'role.' + …}. */
	private static final Pattern TEMPLATE_PREFIX = Pattern
		.compile("'([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*\\.)'\\s*\\+");

	/** A string in Java that looks like a key (or the start of one). */
	private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9_]+)+\\.?)\"");

	/** The rows a migration inserts into a table. */
	private static final Pattern INSERT = Pattern.compile("INSERT INTO (\\w+) \\([^)]*\\) VALUES(.*?);",
			Pattern.DOTALL);

	/** The first value of each row: a term's key. */
	private static final Pattern ROW_KEY = Pattern.compile("\\(\\s*'([^']*)'");

	/** The first two values of a term's row: its key and its label. */
	private static final Pattern ROW_KEY_LABEL = Pattern.compile("\\(\\s*'([^']*)',\\s*'((?:[^']|'')*)'");

	/** Arguments of a message: {@code {0}}, {@code {1,number,#}}… */
	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	/** Words in a string of a script: two words of letters with a space between. */
	private static final Pattern WORDS = Pattern.compile("\\p{L}{2,}\\s+\\p{L}{2,}");

	/** Text a script writes into the page itself. */
	private static final Pattern WRITES_TEXT = Pattern.compile(
			"(?:\\.(?:textContent|innerText|title|alt)\\s*=|setAttribute\\(\\s*'(?:aria-label|title|alt)',)\\s*'[^']*\\p{L}");

	/**
	 * Strings of the scripts that have words but are not text: class names, as the
	 * stylesheet knows them, and a directive.
	 */
	private static final Set<String> SCRIPT_STRINGS_NOT_TEXT = Set.of("marker-cluster marker-cluster-", "use strict");

	/**
	 * Where a key is completed from a list of values (in templates, and in Java by
	 * concatenation): each value must have its text.
	 */
	static Map<String, Collection<String>> completedKeys() throws Exception {
		Map<String, Collection<String>> keys = new LinkedHashMap<>();
		keys.put("language.", Analyzers.LANGUAGES);
		keys.put("language.name.", InterfaceLanguage.SUPPORTED.stream().map(Locale::getLanguage).toList());
		List<String> charts = new ArrayList<>(List.of("year"));
		Class<?> statistics = Class.forName("org.casebook.search.web.StatisticsPage");
		Field categories = statistics.getDeclaredField("CATEGORIES");
		categories.setAccessible(true);
		for (Object facet : (List<?>) categories.get(null)) {
			charts.add(((Facet) facet).parameter());
		}
		keys.put("statistics.caption.", charts);
		keys.put("role.", Stream.of(Role.values()).map(Role::name).toList());
		keys.put("history.kind.", Stream.of(Revision.Kind.values()).map(Revision.Kind::name).toList());
		keys.put("import.state.", Stream.of(ImportJobs.State.values()).map(ImportJobs.State::name).toList());
		return keys;
	}

	/** The keys that translate taxonomy terms, which are in English in the database. */
	static final String TERMS = "term.";

	@Test
	void everyTranslationHasEveryKeyAndNoOther() throws IOException {
		Set<String> keys = load("messages.properties").stringPropertyNames();
		for (String language : TRANSLATIONS) {
			Set<String> translated = new TreeSet<>(load("messages_" + language + ".properties").stringPropertyNames());
			assertThat(difference(keys, translated)).as("keys missing in " + language).isEmpty();
			assertThat(difference(translated, keys)).as("keys only in " + language).isEmpty();
		}
	}

	/**
	 * A translation is one: no English is left in it, but for names and the words the
	 * languages share.
	 */
	@Test
	void noEnglishIsLeftInATranslation() throws IOException {
		Properties english = load("messages.properties");
		for (String language : TRANSLATIONS) {
			Properties translation = load("messages_" + language + ".properties");
			Set<String> same = new TreeSet<>();
			for (String key : english.stringPropertyNames()) {
				String text = english.getProperty(key);
				if (text.equals(translation.getProperty(key)) && hasLetters(text.replaceAll("\\{[^}]*}", ""))) {
					same.add(key);
				}
			}
			same.removeAll(NAMES);
			same.removeAll(SAME_WORDS.get(language));
			assertThat(same).as("texts left in English in " + language).isEmpty();
		}
	}

	/**
	 * A translation takes the same arguments as the English text; and in a text with
	 * arguments, which Spring formats with {@link MessageFormat}, an apostrophe must be
	 * doubled (or typographic), or it would swallow the text after it.
	 */
	@Test
	void everyLanguageTakesTheSameArgumentsAndKeepsItsApostrophes() throws IOException {
		Properties english = load("messages.properties");
		Map<String, Properties> bundles = new LinkedHashMap<>();
		bundles.put("en", english);
		for (String language : TRANSLATIONS) {
			bundles.put(language, load("messages_" + language + ".properties"));
		}
		List<String> problems = new ArrayList<>();
		bundles.forEach((language, bundle) -> {
			for (String key : bundle.stringPropertyNames()) {
				String text = bundle.getProperty(key);
				if (!arguments(text).equals(arguments(english.getProperty(key, "")))) {
					problems.add(language + " " + key + ": arguments " + arguments(text) + " where English has "
							+ arguments(english.getProperty(key, "")));
				}
				if (!arguments(text).isEmpty()) {
					try {
						new MessageFormat(text, Locale.forLanguageTag(language));
					}
					catch (IllegalArgumentException ex) {
						problems.add(language + " " + key + ": " + ex.getMessage());
					}
					if (Pattern.compile("(?<!')'(?!')").matcher(text.replace("''", "")).find()) {
						problems.add(language + " " + key + ": a single apostrophe in a text with arguments");
					}
				}
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyUsedByATemplateIsDefined() throws IOException {
		Properties messages = load("messages.properties");
		Set<String> used = new TreeSet<>();
		for (Path template : files(TEMPLATES, ".html")) {
			Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
			while (matcher.find()) {
				used.add((matcher.group(1) != null) ? matcher.group(1) : matcher.group(2));
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(difference(used, messages.stringPropertyNames())).as("keys used by templates, not defined")
			.isEmpty();
	}

	/**
	 * Keys made by code: every enum's {@code messageKey()}, keys written in Java, and
	 * keys that templates complete with a value.
	 */
	@Test
	void everyKeyMadeByCodeIsDefined() throws Exception {
		Properties messages = load("messages.properties");
		Set<String> defined = messages.stringPropertyNames();
		Set<String> made = new TreeSet<>(enumKeys());
		assertThat(made).as("keys of enums")
			.contains("section.replication", "facet.country", "link.video", "submission.state.pending",
					"signIn.failure.throttled", "publication.status.archived");

		Map<String, Collection<String>> completed = completedKeys();
		for (Path template : files(TEMPLATES, ".html")) {
			Matcher matcher = TEMPLATE_PREFIX.matcher(Files.readString(template));
			while (matcher.find()) {
				assertThat(completed)
					.as(template + " completes a key from " + matcher.group(1) + ": list its values in completedKeys()")
					.containsKey(matcher.group(1));
			}
		}
		completed.forEach((prefix, values) -> values.forEach((value) -> made.add(prefix + value)));

		Set<String> segments = defined.stream()
			.map((key) -> key.substring(0, key.indexOf('.') + 1))
			.collect(Collectors.toCollection(TreeSet::new));
		segments.add(TERMS);
		Set<String> fields = Stream.of(Facet.values()).map(Facet::field).collect(Collectors.toSet());
		Set<String> prefixes = new TreeSet<>();
		for (Path source : files(SOURCES, ".java")) {
			// The index's field names look like keys: the mapping's and the engines'.
			if (source.startsWith(SOURCES.resolve("org/casebook/search/index"))
					|| source.startsWith(SOURCES.resolve("org/casebook/search/lucene"))
					|| source.startsWith(SOURCES.resolve("org/casebook/search/opensearch"))) {
				continue;
			}
			Matcher matcher = JAVA_KEY.matcher(Files.readString(source));
			while (matcher.find()) {
				String key = matcher.group(1);
				if (segments.contains(key.substring(0, key.indexOf('.') + 1)) && !fields.contains(key)) {
					(key.endsWith(".") ? prefixes : made).add(key);
				}
			}
		}
		assertThat(made).as("keys written in Java").contains("search.invalid.year", "opendata.exportsBusy");
		assertThat(difference(made, defined)).as("keys made by code, not defined").isEmpty();
		Set<String> anywhere = new TreeSet<>();
		bundles().values().forEach((bundle) -> anywhere.addAll(bundle.stringPropertyNames()));
		assertThat(prefixes).as("starts of keys completed in Java")
			.allSatisfy((prefix) -> assertThat(anywhere).anySatisfy((key) -> assertThat(key).startsWith(prefix)));
	}

	/**
	 * Every term that comes with the catalogue (the migrations' taxonomies, curated tags)
	 * is translated, and nothing else is; every country of the catalogue has a name of
	 * its own in CLDR in each translation.
	 */
	@Test
	void everyTermOfTheCatalogueIsTranslatedAndEveryCountryNamed() throws IOException {
		Map<String, Class<? extends TaxonomyTerm>> tables = Map.of("organisation_type", OrganisationType.class,
				"government_level", GovernmentLevel.class, "sector", Sector.class, "innovation_stage",
				InnovationStage.class, "tag", Tag.class, "content_language", ContentLanguage.class);
		Map<String, String> terms = new TreeMap<>();
		Set<String> countries = new TreeSet<>();
		for (Path migration : files(Path.of("db/migration"), ".sql")) {
			Matcher insert = INSERT.matcher(Files.readString(migration));
			while (insert.find()) {
				Matcher row = ROW_KEY.matcher(insert.group(2));
				while (row.find()) {
					if (tables.containsKey(insert.group(1))) {
						Matcher term = ROW_KEY_LABEL.matcher(insert.group(2));
						assertThat(term.find(row.start())).isTrue();
						terms.put(Taxonomies.messageKey(tables.get(insert.group(1)), term.group(1)),
								term.group(2).replace("''", "'"));
					}
					else if (insert.group(1).equals("country")) {
						countries.add(row.group(1));
					}
				}
			}
		}
		assertThat(terms).containsKeys("term.sector.health", "term.tag.open-data", "term.governmentLevel.national",
				"language.pt");
		// The names of the languages of cases are every bundle's, the case page's too.
		Set<String> languages = new TreeSet<>(terms.keySet());
		languages.removeIf((key) -> key.startsWith(TERMS));
		terms.keySet().removeAll(languages);
		bundles().forEach(
				(language, bundle) -> assertThat(bundle.stringPropertyNames()).as(language).containsAll(languages));
		// The English bundle says which label each translation was made from: the
		// catalogue's own, or a term would show in English in every language.
		Properties english = load("messages.properties");
		Map<String, String> sources = new TreeMap<>();
		english.stringPropertyNames()
			.stream()
			.filter((key) -> key.startsWith(TERMS))
			.forEach((key) -> sources.put(key, english.getProperty(key)));
		assertThat(sources).as("the English labels the terms were translated from").isEqualTo(terms);
		assertThat(countries).hasSizeGreaterThan(240).contains("pl", "eu", "xk");
		for (String language : TRANSLATIONS) {
			Set<String> translated = new TreeSet<>(load("messages_" + language + ".properties").stringPropertyNames());
			translated.removeIf((key) -> !key.startsWith(TERMS));
			assertThat(translated).as("terms translated in " + language).isEqualTo(terms.keySet());
			Locale locale = Locale.forLanguageTag(language);
			assertThat(countries).as("countries CLDR has no name for in " + language)
				.allSatisfy(
						(code) -> assertThat(new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(locale))
							.isNotBlank()
							.isNotEqualToIgnoringCase(code));
		}
	}

	/**
	 * Words in a template are a placeholder that an expression replaces (natural
	 * templates), or they would be shown in one language only.
	 */
	@Test
	void templatesWriteNoWordsOfTheirOwn() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : files(TEMPLATES, ".html")) {
			literalText(Files.readString(template))
				.forEach((text) -> found.add(TEMPLATES.relativize(template) + ": " + text));
		}
		assertThat(found).isEmpty();
	}

	@Test
	void scriptsWriteNoWordsOfTheirOwn() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path script : files(SCRIPTS, ".js")) {
			literalText(Files.readString(script), script.toString()).forEach((text) -> found.add(script + ": " + text));
		}
		assertThat(found).isEmpty();
	}

	@Test
	void theChecksFindWordsWrittenInATemplateOrAScript() {
		assertThat(literalText("""
				<html th:replace="~{layout :: page(~{::title}, ~{::section}, ~{})}"><head><title>Casebook</title></head>
				<body><section><h1 th:text="#{x}">Replaced</h1><p>Not replaced</p><span th:replace="~{f}">Gone</span>
				<input th:placeholder="#{y}" placeholder="Replaced too"><a aria-label="Read it" href="/">→</a>
				<button th:attr="title=#{z}" title="Also replaced">×</button></section></body></html>
				""")).containsExactlyInAnyOrder("Casebook", "Not replaced", "aria-label=\"Read it\"");
		assertThat(literalText("""
				// A comment: 'with words'
				var open = message(element, 'open', []);
				box.className = 'map-popup leaflet-thing';
				note.textContent = 'None';
				link.setAttribute('aria-label', 'Open the case');
				title.textContent = "Read the case";
				""", "sample.js")).containsExactlyInAnyOrder("map-popup leaflet-thing", "Open the case",
				"Read the case", ".textContent = 'None", "setAttribute('aria-label', 'Open the case");
	}

	/**
	 * Words in a template that no expression replaces: text, and attributes read aloud.
	 */
	static List<String> literalText(String html) {
		Document document = Jsoup.parse(html);
		List<String> found = new ArrayList<>();
		for (Element element : document.getAllElements()) {
			if (replaced(element)) {
				continue;
			}
			for (TextNode text : element.textNodes()) {
				if (hasLetters(text.text())) {
					found.add(text.text().strip());
				}
			}
			for (String attribute : List.of("title", "alt", "aria-label", "placeholder", "label", "content", "value")) {
				String value = element.attr(attribute);
				boolean shown = !attribute.equals("content")
						|| element.tagName().equals("meta") && element.attr("name").equals("description");
				shown &= !attribute.equals("value") || element.tagName().equals("input")
						&& Set.of("submit", "button", "reset").contains(element.attr("type"));
				if (shown && hasLetters(value) && !element.hasAttr("th:" + attribute)
						&& !element.attr("th:attr").contains(attribute + "=")) {
					found.add(attribute + "=\"" + value + "\"");
				}
			}
		}
		return found;
	}

	/**
	 * Whether an expression replaces what an element holds: its own or an ancestor's
	 * ({@code th:replace} of the page's root takes the page's own parts into the layout).
	 */
	private static boolean replaced(Element element) {
		for (Element at = element; at != null; at = at.parent()) {
			if (at.hasAttr("th:text") || at.hasAttr("th:utext") || at.hasAttr("th:insert") || at.hasAttr("th:remove")
					|| (at.hasAttr("th:replace") && !at.tagName().equals("html"))) {
				return true;
			}
		}
		return false;
	}

	/** Words in a script: in its strings (not its comments), and text it writes. */
	static List<String> literalText(String script, String name) {
		List<String> found = new ArrayList<>();
		for (String string : strings(script)) {
			if (WORDS.matcher(string).find() && !SCRIPT_STRINGS_NOT_TEXT.contains(string)) {
				found.add(string);
			}
		}
		Matcher writes = WRITES_TEXT.matcher(script);
		while (writes.find()) {
			found.add(writes.group());
		}
		return found;
	}

	/** The strings of a script, its comments left out. */
	private static List<String> strings(String script) {
		List<String> strings = new ArrayList<>();
		int i = 0;
		while (i < script.length()) {
			char c = script.charAt(i);
			if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '/') {
				int end = script.indexOf('\n', i);
				i = (end < 0) ? script.length() : end;
			}
			else if (c == '/' && i + 1 < script.length() && script.charAt(i + 1) == '*') {
				int end = script.indexOf("*/", i + 2);
				i = (end < 0) ? script.length() : end + 2;
			}
			else if (c == '\'' || c == '"' || c == '`') {
				StringBuilder string = new StringBuilder();
				i++;
				while (i < script.length() && script.charAt(i) != c) {
					if (script.charAt(i) == '\\' && i + 1 < script.length()) {
						i++;
					}
					string.append(script.charAt(i));
					i++;
				}
				strings.add(string.toString());
				i++;
			}
			else {
				i++;
			}
		}
		return strings;
	}

	private static boolean hasLetters(String text) {
		return text != null && text.codePoints().anyMatch(Character::isLetter);
	}

	/** The keys of every enum of Casebook that has a {@code messageKey()}. */
	private static Set<String> enumKeys() throws Exception {
		Set<String> keys = new TreeSet<>();
		for (Path file : files(CLASSES.resolve("org/casebook"), ".class")) {
			String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
			Class<?> type = Class.forName(name, false, MessagesTests.class.getClassLoader());
			if (!type.isEnum()) {
				continue;
			}
			Method messageKey;
			try {
				messageKey = type.getDeclaredMethod("messageKey");
			}
			catch (NoSuchMethodException ex) {
				continue;
			}
			messageKey.setAccessible(true);
			for (Object constant : type.getEnumConstants()) {
				keys.add((String) messageKey.invoke(constant));
			}
		}
		return keys;
	}

	private static Set<String> arguments(String text) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static Set<String> difference(Set<String> these, Set<String> those) {
		Set<String> difference = new TreeSet<>(these);
		difference.removeAll(those);
		return difference;
	}

	private static List<Path> files(Path folder, String extension) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter((path) -> path.toString().endsWith(extension)).sorted().toList();
		}
	}

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	/** The bundles by language, for other tests. */
	static Map<String, Properties> bundles() throws IOException {
		Map<String, Properties> bundles = new TreeMap<>();
		bundles.put("en", load("messages.properties"));
		for (String language : TRANSLATIONS) {
			bundles.put(language, load("messages_" + language + ".properties"));
		}
		return bundles;
	}

}
