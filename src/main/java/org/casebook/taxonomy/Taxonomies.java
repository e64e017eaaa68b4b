package org.casebook.taxonomy;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The labels of every taxonomy term, read once from the database and kept in memory, so
 * that a results page shows labels without a query. Reference data changes only with
 * migrations and new free tags: an unknown key makes it read the terms again.
 */
@Service
public class Taxonomies {

	private static final Logger log = LoggerFactory.getLogger(Taxonomies.class);

	private static final List<Class<? extends TaxonomyTerm>> TAXONOMIES = List.of(Country.class, OrganisationType.class,
			Sector.class, GovernmentLevel.class, InnovationStage.class, Tag.class);

	private final EntityManagerFactory entityManagerFactory;

	/** Unknown keys in requests must not make every request read the database. */
	private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(10);

	private volatile Map<Class<? extends TaxonomyTerm>, Map<String, String>> labels;

	private volatile long loadedAt;

	/** Each term's place in its taxonomy's order. */
	private volatile Map<Class<? extends TaxonomyTerm>, Map<String, Integer>> ranks = Map.of();

	Taxonomies(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	/** The label of a term, if the taxonomy has it. */
	public Optional<String> label(Class<? extends TaxonomyTerm> taxonomy, String key) {
		String label = labels().get(taxonomy).get(key);
		if (label == null && System.nanoTime() - this.loadedAt > RELOAD_AT_MOST_EVERY.toNanos()) {
			try {
				label = load().get(taxonomy).get(key);
			}
			catch (PersistenceException ex) {
				// The database is away: what was read last time still holds, and the
				// next unknown key tries again after the pause.
				this.loadedAt = System.nanoTime();
				log.warn("Could not read the taxonomies again: {}", ex.toString());
			}
		}
		return Optional.ofNullable(label);
	}

	public boolean contains(Class<? extends TaxonomyTerm> taxonomy, String key) {
		return label(taxonomy, key).isPresent();
	}

	/**
	 * Keys of a taxonomy's terms in the taxonomy's order (that of the filters); unknown
	 * keys last, by key.
	 */
	public List<String> inOrder(Class<? extends TaxonomyTerm> taxonomy, Collection<String> keys) {
		Map<String, Integer> rank = this.ranks.get(taxonomy);
		if (rank == null) {
			labels();
			rank = this.ranks.get(taxonomy);
		}
		Map<String, Integer> ranks = rank;
		return keys.stream()
			.sorted(Comparator.comparingInt((String key) -> ranks.getOrDefault(key, Integer.MAX_VALUE))
				.thenComparing(Comparator.naturalOrder()))
			.toList();
	}

	/** Every term of a taxonomy, key to label, in the taxonomy's order: for forms. */
	public Map<String, String> terms(Class<? extends TaxonomyTerm> taxonomy) {
		Map<String, String> labels = labels().get(taxonomy);
		Map<String, String> terms = new LinkedHashMap<>();
		inOrder(taxonomy, labels.keySet()).forEach((key) -> terms.put(key, labels.get(key)));
		return terms;
	}

	private Map<Class<? extends TaxonomyTerm>, Map<String, String>> labels() {
		Map<Class<? extends TaxonomyTerm>, Map<String, String>> current = this.labels;
		return (current != null) ? current : load();
	}

	/**
	 * The terms of a taxonomy in their order: countries and tags by label, the others as
	 * curated.
	 */
	static <T extends TaxonomyTerm> List<T> termsInOrder(EntityManager entityManager, Class<T> taxonomy) {
		String order = (taxonomy == Country.class || taxonomy == Tag.class) ? "label" : "position";
		return entityManager
			.createQuery("select t from " + taxonomy.getSimpleName() + " t order by t." + order, taxonomy)
			.getResultList();
	}

	/** Reads every taxonomy now, so that no page has to. */
	@EventListener(ApplicationReadyEvent.class)
	public void preload() {
		load();
	}

	/**
	 * Reads every taxonomy again: after a change of its terms (an editor's new, renamed
	 * or merged tag), once that change is committed.
	 */
	public void reload() {
		load();
	}

	private synchronized Map<Class<? extends TaxonomyTerm>, Map<String, String>> load() {
		Map<Class<? extends TaxonomyTerm>, Map<String, String>> loaded = new LinkedHashMap<>();
		Map<Class<? extends TaxonomyTerm>, Map<String, Integer>> ranked = new LinkedHashMap<>();
		try (var entityManager = this.entityManagerFactory.createEntityManager()) {
			for (Class<? extends TaxonomyTerm> taxonomy : TAXONOMIES) {
				Map<String, String> terms = new LinkedHashMap<>();
				Map<String, Integer> rank = new LinkedHashMap<>();
				termsInOrder(entityManager, taxonomy).forEach((term) -> {
					terms.put(term.getKey(), term.getLabel());
					rank.put(term.getKey(), rank.size());
				});
				loaded.put(taxonomy, Map.copyOf(terms));
				ranked.put(taxonomy, Map.copyOf(rank));
			}
		}
		this.ranks = Map.copyOf(ranked);
		this.labels = Map.copyOf(loaded);
		this.loadedAt = System.nanoTime();
		return this.labels;
	}

}
