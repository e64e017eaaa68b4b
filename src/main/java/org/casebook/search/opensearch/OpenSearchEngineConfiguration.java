package org.casebook.search.opensearch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManagerFactory;
import org.casebook.search.index.IndexStorage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hibernate Search on its Elasticsearch backend, talking to an OpenSearch cluster that
 * several Casebook nodes share ({@code casebook.search.opensearch.uris}).
 * <p>
 * Changes to the index are coordinated by outbox polling: a transaction that changes a
 * case also writes an event in PostgreSQL ({@code hsearch_outbox_event}, made by Flyway),
 * committed or lost with the case; each node's background processor indexes the events of
 * its share of the cases and deletes them. A node killed between its commit and the
 * indexing loses nothing: its share passes to the others once its heartbeat stops
 * ({@code pulse-expiration}). Without it, each node would index only its own changes,
 * straight after its commit, and lose them if it died in between.
 */
@Configuration(proxyBeanMethods = false)
@OpenSearchEngine
class OpenSearchEngineConfiguration {

	/**
	 * The outbox's timings, chosen for "a case written on any node is found on every node
	 * within 2 s" (NodesRun measures it). A case is found once its event is polled (at
	 * most {@code polling-interval} after its commit), indexed (its loading and a bulk
	 * request) and made visible by OpenSearch's next refresh ({@code refresh-interval},
	 * see {@link SharedIndexStorage}): 100 ms + some tens of ms + 250 ms at most when
	 * nothing else is queued. Faster polling would cost each node ten more queries of the
	 * outbox a second for 50 ms less at most.
	 * <p>
	 * Each node processes the events of its share of the cases (a hash of their ids) and
	 * no other: a slow node's share waits for it, and a dead node's share waits until the
	 * others see its heartbeat expire ({@code pulse-expiration}) and share the cases
	 * again among themselves, which takes them a pulse or two during which none indexes.
	 * A heartbeat every 500 ms expiring after 5 s has a killed node's share indexed again
	 * about 6 s after the kill (with 2 s and 10 s, about 14 s), for six small updates of
	 * {@code hsearch_agent} a second with three nodes. Shorter expirations would expel a
	 * node that is only slow (a node pulses between batches of events, and a batch can
	 * take seconds on a loaded machine), and each expulsion and return pauses every
	 * node's indexing for a rebalancing.
	 */
	@Bean
	HibernatePropertiesCustomizer openSearchBackend(@Value("${casebook.search.opensearch.uris}") String uris,
			@Value("${casebook.search.opensearch.username:}") String username,
			@Value("${casebook.search.opensearch.password:}") String password,
			@Value("${casebook.search.opensearch.coordination:outbox-polling}") String coordination,
			@Value("${casebook.search.opensearch.polling-interval:100ms}") Duration pollingInterval,
			@Value("${casebook.search.opensearch.pulse-interval:500ms}") Duration pulseInterval,
			@Value("${casebook.search.opensearch.pulse-expiration:5s}") Duration pulseExpiration) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("hibernate.search.backend.type", "elasticsearch");
		settings.put("hibernate.search.backend.uris", uris);
		if (!username.isBlank()) {
			settings.put("hibernate.search.backend.username", username);
			settings.put("hibernate.search.backend.password", password);
		}
		settings.put("hibernate.search.backend.analysis.configurer", "bean:casebookOpenSearchAnalysis");
		// Created when missing; checked against the mapping, and rebuilt when it differs,
		// by the index check at startup (SharedIndexStorage), not by each node's boot.
		settings.put("hibernate.search.schema_management.strategy", "create");
		settings.put("hibernate.search.coordination.strategy", coordination);
		if ("outbox-polling".equals(coordination)) {
			settings.put("hibernate.search.coordination.event_processor.polling_interval", pollingInterval.toMillis());
			settings.put("hibernate.search.coordination.event_processor.pulse_interval", pulseInterval.toMillis());
			settings.put("hibernate.search.coordination.event_processor.pulse_expiration", pulseExpiration.toMillis());
		}
		return (properties) -> {
			properties.putAll(settings);
			if ("outbox-polling".equals(coordination)) {
				// Events are indexed in the background: no commit waits for the index, so
				// a
				// synchronization strategy (such as the tests' "sync" for the Lucene
				// engine)
				// has nothing to apply to, and Hibernate Search refuses one.
				properties.remove("hibernate.search.indexing.plan.synchronization.strategy");
			}
		};
	}

	@Bean
	IndexStorage sharedIndexStorage(EntityManagerFactory entityManagerFactory, DataSource dataSource,
			@Value("${casebook.search.opensearch.coordination:outbox-polling}") String coordination,
			@Value("${casebook.search.opensearch.refresh-interval:250ms}") Duration refreshInterval) {
		return new SharedIndexStorage(entityManagerFactory, dataSource, "outbox-polling".equals(coordination),
				refreshInterval);
	}

}
