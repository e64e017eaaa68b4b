package org.casebook.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.casebook.innovation.LinkKind;
import org.casebook.innovation.Section;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text on screen comes from the message bundle: no key may be missing. */
class MessagesTests {

	private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

	@Test
	void everyKeyUsedByATemplateIsDefined() throws IOException {
		Properties messages = load("messages.properties");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = LITERAL_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(used).allSatisfy((key) -> assertThat(messages).containsKey(key));
	}

	@Test
	void everySectionLinkKindAndLanguageHasText() throws IOException {
		Properties messages = load("messages.properties");
		for (Section section : Section.values()) {
			assertThat(messages).containsKeys(section.messageKey(), section.group().messageKey());
		}
		for (LinkKind kind : LinkKind.values()) {
			assertThat(messages).containsKey(kind.messageKey());
		}
		for (String language : List.of("en", "fr", "es", "pt")) {
			assertThat(messages).containsKey("language." + language);
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
