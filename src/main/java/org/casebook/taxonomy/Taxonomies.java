package org.casebook.taxonomy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The labels of every taxonomy term, read once from the database and kept in memory, so
 * that a results page shows labels without a query. Reference data changes only with
 * migrations and new free tags: an unknown key makes it read the terms again.
 * <p>
 * A term's label in the database is its English one, the one editors write. In another
 * language a country is named by CLDR (the JDK's {@link Locale#getDisplayCountry}), and
 * the other terms by the message bundle ({@code term.sector.health}…); a term the bundle
 * does not translate, such as a free tag or one an editor added, keeps its own label.
 */
@Service
public class Taxonomies {

	private static final Logger log = LoggerFactory.getLogger(Taxonomies.class);

	private static final List<Class<? extends TaxonomyTerm>> TAXONOMIES = List.of(Country.class, OrganisationType.class,
			Sector.class, GovernmentLevel.class, InnovationStage.class, Tag.class, ContentLanguage.class);

	private final EntityManagerFactory entityManagerFactory;

	private final MessageSource messages;

	/** Unknown keys in requests must not make every request read the database. */
	private static final Duration RELOAD_AT_MOST_EVERY = Duration.ofSeconds(10);

	private volatile Map<Class<? extends TaxonomyTerm>, Map<String, String>> labels;

	private volatile long loadedAt;

	/** Each term's place in its taxonomy's order. */
	private volatile Map<Class<? extends TaxonomyTerm>, Map<String, Integer>> ranks = Map.of();

	/** Of the labels and orders read last: see {@link #fingerprint()}. */
	private volatile long fingerprint;

	protected Taxonomies(EntityManagerFactory entityManagerFactory, MessageSource messages) {
		this.entityManagerFactory = entityManagerFactory;
		this.messages = messages;
	}

	/** The labels of the terms in a language, and its order of words. */
	public TermLabels in(Locale locale) {
		return new TermLabels(this, locale);
	}

	/** The label of a term in a language, if the taxonomy has it. */
	public Optional<String> label(Class<? extends TaxonomyTerm> taxonomy, String key, Locale locale) {
		Optional<String> own = label(taxonomy, key);
		if (own.isEmpty() || isOwnLanguage(locale)) {
			return own;
		}
		if (taxonomy == Country.class) {
			// CLDR names every ISO 3166-1 region (the European Union and Kosovo too); a
			// code
			// it does not know comes back as itself.
			String name = new Locale("", key.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
			return Optional.of((name.isEmpty() || name.equalsIgnoreCase(key)) ? own.get() : name);
		}
		String message = messageKey(taxonomy, key);
		if (taxonomy != ContentLanguage.class
				&& !own.get().equals(this.messages.getMessage(message, null, null, Locale.ENGLISH))) {
			// Translated from another label: the term was renamed since (editors rename
			// tags), and a translation of the old name would say something else.
			return own;
		}
		return Optional.of(this.messages.getMessage(message, null, own.get(), locale));
	}

	/**
	 * The message key that translates a term (not a country's: CLDR names them), such as
	 * {@code term.sector.health}, or {@code language.fr} for a case's language.
	 */
	public static String messageKey(Class<? extends TaxonomyTerm> taxonomy, String key) {
		if (taxonomy == ContentLanguage.class) {
			// The names of languages every bundle has, which case pages and forms show
			// too.
			return "language." + key;
		}
		String name = taxonomy.getSimpleName();
		return "term." + Character.toLowerCase(name.charAt(0)) + name.substring(1) + "." + key;
	}

	/** The taxonomy of a term, also when it is a lazy proxy (a subclass of its own). */
	static Class<? extends TaxonomyTerm> of(TaxonomyTerm term) {
		return TAXONOMIES.stream().filter((taxonomy) -> taxonomy.isInstance(term)).findFirst().orElseThrow();
	}

	/** Whether a language is the one terms are written in: English. */
	private static boolean isOwnLanguage(Locale locale) {
		return locale == null || locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
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

	/**
	 * Every term of a taxonomy, key to label in a language, in the taxonomy's order:
	 * countries and tags by their labels in that language, as its collation orders them,
	 * the others as curated.
	 */
	public Map<String, String> terms(Class<? extends TaxonomyTerm> taxonomy, Locale locale) {
		Map<String, String> labels = new LinkedHashMap<>();
		terms(taxonomy).forEach((key, label) -> labels.put(key, label(taxonomy, key, locale).orElse(label)));
		if (taxonomy != Country.class && taxonomy != Tag.class) {
			return labels;
		}
		Comparator<String> collation = TermLabels.collation(locale);
		Map<String, String> sorted = new LinkedHashMap<>();
		labels.entrySet()
			.stream()
			.sorted(Map.Entry.<String, String>comparingByValue(collation).thenComparing(Map.Entry.comparingByKey()))
			.forEach((term) -> sorted.put(term.getKey(), term.getValue()));
		return sorted;
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
	 * A fingerprint of every term's key, label and place in its taxonomy's order: it
	 * changes when any of them does, and is the same on every node that read the same
	 * terms. What is made from the labels and kept (the exports' ready forms) carries it.
	 */
	public long fingerprint() {
		labels();
		return this.fingerprint;
	}

	/**
	 * Reads every taxonomy again: after a change of its terms (an editor's new, renamed
	 * or merged tag), once that change is committed.
	 */
	public void reload() {
		load();
	}

	/** The first eight bytes of a SHA-256 of the terms, each taxonomy in its order. */
	private static long fingerprint(Map<Class<? extends TaxonomyTerm>, Map<String, String>> ordered) {
		MessageDigest digest = sha256();
		ordered.forEach((taxonomy, terms) -> {
			digest.update(taxonomy.getSimpleName().getBytes(StandardCharsets.UTF_8));
			terms.forEach((key, label) -> {
				digest.update((byte) 0);
				digest.update(key.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(label.getBytes(StandardCharsets.UTF_8));
			});
			digest.update((byte) 1);
		});
		return ByteBuffer.wrap(digest.digest()).getLong();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	private synchronized Map<Class<? extends TaxonomyTerm>, Map<String, String>> load() {
		Map<Class<? extends TaxonomyTerm>, Map<String, String>> loaded = new LinkedHashMap<>();
		Map<Class<? extends TaxonomyTerm>, Map<String, Integer>> ranked = new LinkedHashMap<>();
		Map<Class<? extends TaxonomyTerm>, Map<String, String>> ordered = new LinkedHashMap<>();
		try (var entityManager = this.entityManagerFactory.createEntityManager()) {
			for (Class<? extends TaxonomyTerm> taxonomy : TAXONOMIES) {
				Map<String, String> terms = new LinkedHashMap<>();
				Map<String, Integer> rank = new LinkedHashMap<>();
				termsInOrder(entityManager, taxonomy).forEach((term) -> {
					terms.put(term.getKey(), term.getLabel());
					rank.put(term.getKey(), rank.size());
				});
				ordered.put(taxonomy, terms);
				loaded.put(taxonomy, Map.copyOf(terms));
				ranked.put(taxonomy, Map.copyOf(rank));
			}
		}
		this.fingerprint = fingerprint(ordered);
		this.ranks = Map.copyOf(ranked);
		this.labels = Map.copyOf(loaded);
		this.loadedAt = System.nanoTime();
		return this.labels;
	}

}
