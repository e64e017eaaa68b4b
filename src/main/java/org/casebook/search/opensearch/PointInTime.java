package org.casebook.search.opensearch;

import java.io.IOException;
import java.time.Duration;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.persistence.EntityManagerFactory;
import org.apache.http.util.EntityUtils;
import org.casebook.innovation.Innovation;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.backend.elasticsearch.search.query.ElasticsearchSearchRequestTransformerContext;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.util.common.SearchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenSearch point in time (OpenSearch 2.4 and later): the index as it was when it was
 * opened, for every page of a long read to come from the same documents whatever changes
 * meanwhile. Hibernate Search's DSL has none: it is opened and closed through the
 * backend's low-level REST client, and a search reads it through a request transformer
 * ({@link #read}).
 * <p>
 * It holds segments OpenSearch would otherwise merge away, so it is closed as soon as the
 * read ends, even on failure; one not closed (a node killed) expires after its
 * keep-alive, which each search renews.
 */
final class PointInTime implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PointInTime.class);

	private final RestClient client;

	private final String keepAlive;

	private String id;

	private PointInTime(RestClient client, String keepAlive, String id) {
		this.client = client;
		this.keepAlive = keepAlive;
		this.id = id;
	}

	/** Opens a point in time on the cases' index. */
	static PointInTime open(EntityManagerFactory entityManagerFactory, Duration keepAlive) {
		var mapping = Search.mapping(entityManagerFactory);
		RestClient client = mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
		String index = mapping.indexedEntity(Innovation.class)
			.indexManager()
			.unwrap(ElasticsearchIndexManager.class)
			.descriptor()
			.readName();
		String alive = keepAlive.toSeconds() + "s";
		Request request = new Request("POST", "/" + index + "/_search/point_in_time");
		request.addParameter("keep_alive", alive);
		try {
			Response response = client.performRequest(request);
			JsonObject body = JsonParser.parseString(EntityUtils.toString(response.getEntity())).getAsJsonObject();
			return new PointInTime(client, alive, body.get("pit_id").getAsString());
		}
		catch (IOException | RuntimeException ex) {
			throw new SearchException("Could not open a point in time on the search index: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Makes a search's request read this point in time, renewing its keep-alive. The
	 * index leaves the request's path: the point in time names it, and OpenSearch refuses
	 * both.
	 */
	void read(ElasticsearchSearchRequestTransformerContext request) {
		request.path("/_search");
		JsonObject pit = new JsonObject();
		pit.addProperty("id", this.id);
		pit.addProperty("keep_alive", this.keepAlive);
		request.body().add("pit", pit);
	}

	/** Follows the id an answer gives, should OpenSearch hand a new one. */
	void answered(JsonObject responseBody) {
		if (responseBody.has("pit_id")) {
			this.id = responseBody.get("pit_id").getAsString();
		}
	}

	@Override
	public void close() {
		Request request = new Request("DELETE", "/_search/point_in_time");
		JsonObject body = new JsonObject();
		JsonArray ids = new JsonArray();
		ids.add(this.id);
		body.add("pit_id", ids);
		request.setJsonEntity(body.toString());
		try {
			this.client.performRequest(request);
		}
		catch (IOException | RuntimeException ex) {
			// It expires after its keep-alive anyway; the read's own outcome matters
			// more.
			log.warn("Could not close a point in time of the search index (it expires in {}): {}", this.keepAlive,
					ex.getMessage());
		}
	}

}
