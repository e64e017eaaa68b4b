package org.casebook.sample;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * The words and sentences that demo cases are made of, one bank per content language,
 * read from {@code sample/demo-phrases.json}. Templates use {@code {slot}} placeholders.
 */
record DemoPhrases(List<String> titles, List<String> adjectives, List<String> nouns, List<String> themes,
		List<String> placePrefixes, List<String> placeSuffixes, List<String> summaries, List<String> sentences,
		Map<String, List<String>> organisations) {

	static Map<String, DemoPhrases> byLanguage() {
		try (InputStream json = new ClassPathResource("sample/demo-phrases.json").getInputStream()) {
			return JsonMapper.shared().readValue(json, new TypeReference<Map<String, DemoPhrases>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the demo phrases", ex);
		}
	}

}
