package org.casebook.search.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.casebook.search.Facet;
import org.casebook.search.SearchQuery;
import org.casebook.search.SearchQueryParser;
import org.casebook.search.SearchSort;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The search's parameters in the OpenAPI description. The routes that search read them
 * from one {@code @RequestParam MultiValueMap} with {@link SearchQueryParser}, where
 * springdoc cannot see them: they are described here, from the same {@link Facet} enum,
 * limits and orders the parser uses, so that the two cannot drift apart. Likewise the
 * facets of the search's answer, one list per facet by its parameter.
 */
@Component
class SearchParametersDocumentation implements OperationCustomizer, OpenApiCustomizer {

	/** The search's answer, as springdoc names its schema. */
	static final String SEARCH_SCHEMA = "SearchJson";

	private final MessageSource messages;

	SearchParametersDocumentation(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (readsSearchParameters(handler)) {
			List<Parameter> parameters = new ArrayList<>(parameters());
			if (operation.getParameters() != null) {
				parameters.addAll(operation.getParameters());
			}
			operation.setParameters(parameters);
		}
		return operation;
	}

	/** Whether a route takes its parameters as one map, for {@link SearchQueryParser}. */
	static boolean readsSearchParameters(HandlerMethod handler) {
		return Arrays.stream(handler.getMethodParameters())
			.anyMatch((parameter) -> parameter.hasParameterAnnotation(RequestParam.class)
					&& MultiValueMap.class.isAssignableFrom(parameter.getParameterType()));
	}

	/** The parameters of a search, as {@link SearchQueryParser} reads them. */
	List<Parameter> parameters() {
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(query("q", """
				Keywords: every word must match (stop words are optional), "quoted phrases" match as \
				phrases, -excluded words or phrases must not; the last word also matches as a prefix \
				unless a space follows it; words of five letters or more forgive one typo. At most %d \
				characters.""".formatted(SearchQueryParser.MAX_TEXT_LENGTH),
				new StringSchema().maxLength(SearchQueryParser.MAX_TEXT_LENGTH), "open data"));
		for (Facet facet : Facet.values()) {
			String name = this.messages.getMessage(facet.messageKey(), null, Locale.ENGLISH);
			Parameter parameter = query(facet.parameter(),
					"""
							%s: keys of its taxonomy (`/api/v1/taxonomies`), comma-separated or the parameter \
							repeated, at most %d; a case with any of them matches (OR), and every filter must \
							match (AND). An unknown key is left out, with a notice.""".formatted(name,
							SearchQueryParser.MAX_VALUES_PER_FACET),
					new ArraySchema().items(new StringSchema()).maxItems(SearchQueryParser.MAX_VALUES_PER_FACET),
					example(facet));
			parameter.style(Parameter.StyleEnum.FORM).explode(false);
			parameters.add(parameter);
		}
		parameters.add(query("yearFrom", "The first year of launch, inclusive.", year(), 2010));
		parameters.add(query("yearTo", "The last year of launch, inclusive.", year(), 2020));
		StringSchema demo = new StringSchema();
		demo.addEnumItem(SearchQuery.DEMO_HIDDEN);
		demo.addEnumItem("show");
		parameters.add(query("demo",
				"`hide` leaves out the generated demo cases (`demo: true` in results), keeping the real ones; "
						+ "`show`, the default, keeps them.",
				demo, SearchQuery.DEMO_HIDDEN));
		StringSchema sorts = new StringSchema();
		Arrays.stream(SearchSort.values()).map(SearchSort::parameter).forEach(sorts::addEnumItem);
		parameters.add(query("sort",
				"The order: by relevance (the default with keywords), recently published (the default "
						+ "without), newest or oldest year of launch, or title.",
				sorts, SearchSort.NEWEST.parameter()));
		parameters.add(query("page",
				"The page, from 1; paging stops after %d results.".formatted(SearchQueryParser.MAX_OFFSET),
				new IntegerSchema().minimum(BigDecimal.ONE), 1));
		IntegerSchema sizes = new IntegerSchema();
		SearchQuery.PAGE_SIZES.forEach(sizes::addEnumItem);
		sizes.setDefault(SearchQuery.DEFAULT_SIZE);
		parameters.add(query("size", "Results per page.", sizes, SearchQuery.DEFAULT_SIZE));
		return parameters;
	}

	/**
	 * Keys that the catalogue's taxonomies hold; a new facet needs one (the switch has no
	 * default).
	 */
	static List<String> example(Facet facet) {
		return switch (facet) {
			case COUNTRY -> List.of("fr", "de");
			case ORG_TYPE -> List.of("government");
			case SECTOR -> List.of("education", "health");
			case LEVEL -> List.of("local");
			case STAGE -> List.of("implementation");
			case TAG -> List.of("open-data");
			case LANGUAGE -> List.of("fr");
		};
	}

	private static IntegerSchema year() {
		IntegerSchema year = new IntegerSchema();
		year.minimum(BigDecimal.valueOf(SearchQueryParser.MIN_YEAR))
			.maximum(BigDecimal.valueOf(SearchQueryParser.MAX_YEAR));
		return year;
	}

	@SuppressWarnings("rawtypes")
	private static Parameter query(String name, String description, Schema schema, Object example) {
		return new Parameter().in("query").name(name).description(description).schema(schema).example(example);
	}

	/**
	 * The search's facets, one list of values with their counts per facet, by its
	 * parameter, and the years of launch as {@code year}: the answer holds them in a map,
	 * which springdoc cannot describe.
	 */
	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
			return;
		}
		Map<String, Schema> schemas = openApi.getComponents().getSchemas();
		Schema search = schemas.get(SEARCH_SCHEMA);
		if (search == null || search.getProperties() == null) {
			return;
		}
		ObjectSchema facets = new ObjectSchema();
		facets.description("Every value of every facet that any result has (and every selected one), with "
				+ "its count among the results that match every other filter, largest first; and the "
				+ "results per year of launch, following every filter but the years.");
		for (Facet facet : Facet.values()) {
			facets.addProperty(facet.parameter(),
					new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FacetValue")));
		}
		ObjectSchema year = new ObjectSchema();
		year.addProperty("key", new StringSchema().description("The year").example("2015"));
		year.addProperty("count", new IntegerSchema().format("int64").example(12));
		facets.addProperty("year", new ArraySchema().items(year));
		search.getProperties().put("facets", facets);
	}

}
