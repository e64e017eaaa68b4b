package org.casebook.search.index;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
 * Indexes a case's texts for keyword search, besides the folded title and summary mapped
 * on the entity:
 * <ul>
 * <li>{@code body}: the overview and every narrative section, language-neutral and
 * accent-folded;</li>
 * <li>{@code all}: title, summary and body, folded, where typos and prefixes are matched
 * (one field, so one automaton per word);</li>
 * <li>{@code text_en}, {@code text_fr}…: title, summary and body analysed in the case's
 * own content language (stemming, elision, stop words); only the case's language is
 * filled.</li>
 * </ul>
 */
public class InnovationTextBinder implements TypeBinder {

	/** The language-neutral body field. */
	public static final String BODY = "body";

	/** Every text of the case, language-neutral. */
	public static final String ALL = "all";

	@Override
	public void bind(TypeBindingContext context) {
		context.dependencies().use("title").use("summary").use("overview").use("language");
		for (Section section : Section.values()) {
			context.dependencies().use("narrative." + section.propertyName());
		}
		IndexSchemaElement schema = context.indexSchemaElement();
		IndexFieldTypeFactory types = context.typeFactory();
		var folded = types.asString().analyzer(Analyzers.FOLDED).toIndexFieldType();
		IndexFieldReference<String> body = schema.field(BODY, folded).toReference();
		IndexFieldReference<String> all = schema.field(ALL, folded).toReference();
		Map<String, IndexFieldReference<String>> byLanguage = new HashMap<>();
		for (String language : Analyzers.LANGUAGES) {
			var type = types.asString().analyzer(Analyzers.forLanguage(language)).toIndexFieldType();
			byLanguage.put(language, schema.field(languageField(language), type).toReference());
		}
		context.bridge(Innovation.class, new Bridge(body, all, byLanguage));
	}

	/** The field of a content language's analysis, such as {@code text_fr}. */
	public static String languageField(String language) {
		return "text_" + language;
	}

	private static final class Bridge implements TypeBridge<Innovation> {

		private final IndexFieldReference<String> body;

		private final IndexFieldReference<String> all;

		private final Map<String, IndexFieldReference<String>> byLanguage;

		Bridge(IndexFieldReference<String> body, IndexFieldReference<String> all,
				Map<String, IndexFieldReference<String>> byLanguage) {
			this.body = body;
			this.all = all;
			this.byLanguage = byLanguage;
		}

		@Override
		public void write(DocumentElement target, Innovation innovation, TypeBridgeWriteContext context) {
			String body = join(Stream.concat(Stream.of(innovation.getOverview()),
					innovation.getNarrative().present().values().stream()));
			String all = join(Stream.of(innovation.getTitle(), innovation.getSummary(), body));
			target.addValue(this.body, body);
			target.addValue(this.all, all);
			IndexFieldReference<String> language = this.byLanguage.get(innovation.getLanguage());
			if (language != null) {
				target.addValue(language, all);
			}
		}

		private static String join(Stream<String> texts) {
			return texts.filter(Objects::nonNull).filter((text) -> !text.isBlank()).collect(Collectors.joining("\n\n"));
		}

	}

}
