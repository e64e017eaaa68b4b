package org.casebook.search.index;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which engine answers searches ({@code casebook.search.engine}): Lucene's index in a
 * local folder for one node, the default; or OpenSearch, shared by several nodes. A value
 * that names neither stops the start with a message that lists both.
 *
 * @param engine the engine, {@code lucene} unless set
 */
@ConfigurationProperties("casebook.search")
public record SearchEngine(Engine engine) {

	/** The property that chooses the engine. */
	public static final String PROPERTY = "casebook.search.engine";

	public SearchEngine {
		engine = (engine != null) ? engine : Engine.LUCENE;
	}

	/** The engines behind the search seam. */
	public enum Engine {

		/** A Lucene index in a local folder: one node. */
		LUCENE,

		/** An OpenSearch cluster shared by every node. */
		OPENSEARCH

	}

}
