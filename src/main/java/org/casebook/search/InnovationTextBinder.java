package org.casebook.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.casebook.innovation.Innovation;
import org.casebook.innovation.Section;
import org.hibernate.search.engine.backend.document.DocumentElement;
import org.hibernate.search.engine.backend.document.IndexFieldReference;
import org.hibernate.search.engine.backend.document.model.dsl.IndexSchemaElement;
import org.hibernate.search.engine.backend.types.dsl.IndexFieldTypeFactory;
import org.hibernate.search.mapper.pojo.bridge.TypeBridge;
import org.hibernate.search.mapper.pojo.bridge.binding.TypeBindingContext;
import org.hibernate.search.mapper.pojo.bridge.mapping.programmatic.TypeBinder;
import org.hibernate.search.mapper.pojo.bridge.runtime.TypeBridgeWriteContext;

/**
 * Indexes a case's texts twice: once with the analyzer of its own content language
 * ({@code title_fr}, {@code summary_fr}, {@code body_fr}…, stemming and stop words), and
 * once language-neutral and accent-folded ({@code body}; the title and summary have
 * theirs on the entity). The body is the overview and every narrative section; it is
 * stored so that results can show a snippet around the matched words.
 */
public class InnovationTextBinder implements TypeBinder {

	/** The language-neutral body field. */
	public static final String BODY = "body";

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies().use("title").use("summary").use("overview").use("language");
		for (Section section : Section.values()) {
			context.dependencies().use("narrative." + section.propertyName());
		}
		IndexSchemaElement schema = context.indexSchemaElement();
		IndexFieldTypeFactory types = context.typeFactory();
		IndexFieldReference<String> body = schema.field(BODY, types.asString().analyzer(Analyzers.FOLDED))
			.toReference();
		Map<String, LanguageFields> byLanguage = new HashMap<>();
		for (String language : Analyzers.LANGUAGES) {
			var type = types.asString().analyzer(Analyzers.forLanguage(language)).toIndexFieldType();
			byLanguage.put(language,
					new LanguageFields(schema.field(titleField(language), type).toReference(),
							schema.field(summaryField(language), type).toReference(),
							schema.field(bodyField(language), type).toReference()));
		}
		context.bridge(Innovation.class, new Bridge(body, byLanguage));
	}

	public static String titleField(String language) {
		return "title_" + language;
	}

	public static String summaryField(String language) {
		return "summary_" + language;
	}

	public static String bodyField(String language) {
		return "body_" + language;
	}

	private record LanguageFields(IndexFieldReference<String> title, IndexFieldReference<String> summary,
			IndexFieldReference<String> body) {
	}

	private static final class Bridge implements TypeBridge<Innovation> {

		private final IndexFieldReference<String> body;

		private final Map<String, LanguageFields> byLanguage;

		Bridge(IndexFieldReference<String> body, Map<String, LanguageFields> byLanguage) {
			this.body = body;
			this.byLanguage = byLanguage;
		}

		@Override
		public void write(DocumentElement target, Innovation innovation, TypeBridgeWriteContext context) {
			String body = Stream
				.concat(Stream.of(innovation.getOverview()), innovation.getNarrative().present().values().stream())
				.filter((text) -> text != null && !text.isBlank())
				.collect(Collectors.joining("\n\n"));
			target.addValue(this.body, body);
			LanguageFields fields = this.byLanguage.get(innovation.getLanguage());
			if (fields != null) {
				target.addValue(fields.title(), innovation.getTitle());
				target.addValue(fields.summary(), innovation.getSummary());
				target.addValue(fields.body(), body);
			}
		}

	}

}
