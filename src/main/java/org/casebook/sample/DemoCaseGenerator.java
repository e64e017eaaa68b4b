package org.casebook.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.casebook.innovation.PublicationStatus;
import org.casebook.innovation.Section;
import org.casebook.innovation.Slugs;

/**
 * Makes realistic synthetic cases, deterministically: case {@code i} of seed {@code s} is
 * always the same, whatever was generated before it, so a catalogue can be topped up to a
 * larger size and two runs compare. Taxonomies are skewed as in real catalogues (a few
 * countries and tags very common, many rare), years run from 1990 to 2026, texts are in
 * English, French, Spanish and Portuguese, and about 40% of cases have a location inside
 * their country.
 */
final class DemoCaseGenerator {

	static final int FIRST_YEAR = 1990;

	static final int LAST_YEAR = 2026;

	/** A fixed "now", so that generated dates do not depend on the day of the run. */
	private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

	/** The countries that real catalogues hear most from, most common first. */
	private static final List<String> COMMON_COUNTRIES = List.of("gb", "us", "ca", "fr", "au", "nz", "de", "nl", "dk",
			"fi", "br", "pt", "es", "co", "cl", "mx", "it", "se", "no", "be", "ie", "ee", "kr", "sg", "in", "ar", "uy",
			"pe", "at", "ch", "pl", "lv", "lt", "si", "gr", "il", "jp", "za", "ke", "rw");

	private static final List<String> CURATED_TAGS = List.of("citizen-engagement", "digital-transformation",
			"public-policy", "service-design", "open-data", "co-design", "behavioural-insights", "transparency",
			"crowdsourcing", "systems-change", "evaluation-and-oversight", "open-government", "cross-border",
			"participatory-democracy", "public-procurement", "gamification");

	private static final List<String> SECTORS = List.of("public-administration", "digital", "health", "education",
			"economic-affairs", "environment", "employment", "housing", "public-order", "transport", "science",
			"culture", "external-relations");

	private static final List<String> STAGES = List.of("implementation", "evaluation", "developing-proposals",
			"generating-ideas", "diffusing-lessons", "identifying");

	private static final List<String> ORGANISATION_TYPES = List.of("government", "ngo", "academia", "private-sector",
			"international-organisation", "independent-institution");

	private static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt");

	private static final double[] LANGUAGE_SHARES = { 0.70, 0.12, 0.12, 0.06 };

	private static final double LOCATION_SHARE = 0.40;

	/** Towns per country: few enough that towns have several cases. */
	static final int TOWNS_PER_COUNTRY = 12;

	private static final double GROUPING_SHARE = 0.03;

	private final long seed;

	private final Map<String, DemoPhrases> phrases;

	private final List<DemoCountry> countries;

	private final DemoCountry grouping;

	private final List<DemoTag> tags;

	private final Zipf countryRanks;

	private final Zipf tagRanks;

	private final Zipf sectorRanks = new Zipf(SECTORS.size(), 1.0);

	private final Zipf stageRanks = new Zipf(STAGES.size(), 1.0);

	private final Zipf organisationTypeRanks = new Zipf(ORGANISATION_TYPES.size(), 1.3);

	private final double[] yearWeights;

	DemoCaseGenerator(long seed, List<DemoCountry> allCountries, Map<String, DemoPhrases> phrases) {
		this.seed = seed;
		this.phrases = phrases;
		this.countries = byPopularity(allCountries, seed);
		this.grouping = allCountries.stream().filter(DemoCountry::grouping).findFirst().orElse(null);
		this.tags = tagUniverse(phrases.get("en"));
		this.countryRanks = new Zipf(this.countries.size(), 1.1);
		this.tagRanks = new Zipf(this.tags.size(), 1.05);
		this.yearWeights = new double[LAST_YEAR - FIRST_YEAR + 1];
		for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
			this.yearWeights[year - FIRST_YEAR] = Math.exp((year - LAST_YEAR) / 9.0);
		}
	}

	/** Every tag that demo cases use: the curated ones first, then free tags. */
	List<DemoTag> tags() {
		return this.tags;
	}

	DemoCase generate(int index) {
		SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + index);
		String language = LANGUAGES.get(pick(random, LANGUAGE_SHARES));
		DemoPhrases words = this.phrases.get(language);

		List<DemoCountry> caseCountries = pickCountries(random);
		DemoCountry home = caseCountries.get(0);
		String place = town(home, words, random.nextInt(TOWNS_PER_COUNTRY));
		List<DemoCase.DemoOrganisation> organisations = pickOrganisations(random, words, place);
		Map<String, String> slots = new LinkedHashMap<>();
		String adjective = oneOf(random, words.adjectives());
		String noun = oneOf(random, words.nouns());
		slots.put("adj", adjective);
		slots.put("adj_lc", adjective.toLowerCase(Locale.ROOT));
		slots.put("noun", noun);
		slots.put("noun_lc", noun.toLowerCase(Locale.ROOT));
		slots.put("theme", oneOf(random, words.themes()));
		slots.put("place", place);
		slots.put("country", home.name());
		slots.put("org", organisations.get(0).name());

		int launchYear = FIRST_YEAR + pick(random, this.yearWeights);
		slots.put("year", Integer.toString(launchYear));
		String title = capitalise(fill(oneOf(random, words.titles()), slots, random));
		String slug = Slugs.of(title) + "-" + (index + 1);
		slots.put("title", title);
		String summary = fill(oneOf(random, words.summaries()), slots, random);
		String overview = paragraph(random, words, slots, 3, 4);
		Map<Section, String> sections = new EnumMap<>(Section.class);
		for (Section section : Section.values()) {
			if (random.nextDouble() < 0.75) {
				sections.put(section, paragraph(random, words, slots, 2, 3));
			}
		}

		DemoCase.DemoLocation location = null;
		if (!home.grouping() && random.nextDouble() < LOCATION_SHARE) {
			location = locationIn(home, place);
		}
		PublicationStatus status = pickStatus(random);
		Instant publishedAt = null;
		Instant createdAt;
		if (status == PublicationStatus.PUBLISHED || status == PublicationStatus.ARCHIVED) {
			Instant from = LocalDate.of(Math.max(launchYear, 2014), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
			publishedAt = between(random, from, END);
			createdAt = publishedAt.minus(Duration.ofHours(1 + random.nextInt(24 * 90)));
		}
		else {
			createdAt = between(random, Instant.parse("2020-01-01T00:00:00Z"), END);
		}
		String website = (random.nextDouble() < 0.5) ? "https://example.org/demo/" + slug : null;

		return new DemoCase(index, slug, title, language, summary, overview, sections, launchYear, pickLevel(random),
				caseCountries.stream().map(DemoCountry::code).toList(), pickSectors(random),
				distinct(random, this.stageRanks, STAGES, 1, 3), pickTags(random), organisations, location, website,
				status, createdAt, publishedAt);
	}

	private List<DemoCountry> pickCountries(SplittableRandom random) {
		if (this.grouping != null && random.nextDouble() < GROUPING_SHARE) {
			return List.of(this.grouping);
		}
		int count = (random.nextDouble() < 0.85) ? 1 : 2 + random.nextInt(2);
		Set<DemoCountry> picked = new LinkedHashSet<>();
		while (picked.size() < count) {
			picked.add(this.countries.get(this.countryRanks.next(random)));
		}
		return List.copyOf(picked);
	}

	private List<String> pickSectors(SplittableRandom random) {
		return distinct(random, this.sectorRanks, SECTORS, 1, 2);
	}

	private List<String> pickTags(SplittableRandom random) {
		int count = 1 + random.nextInt(5);
		Set<String> picked = new LinkedHashSet<>();
		while (picked.size() < count) {
			picked.add(this.tags.get(this.tagRanks.next(random)).key());
		}
		return List.copyOf(picked);
	}

	private List<DemoCase.DemoOrganisation> pickOrganisations(SplittableRandom random, DemoPhrases words,
			String place) {
		int count = 1 + ((random.nextDouble() < 0.3) ? 1 + random.nextInt(2) : 0);
		Map<String, DemoCase.DemoOrganisation> picked = new LinkedHashMap<>();
		while (picked.size() < count) {
			String type = ORGANISATION_TYPES.get(this.organisationTypeRanks.next(random));
			String name = oneOf(random, words.organisations().get(type)).replace("{place}", place);
			picked.putIfAbsent(name, new DemoCase.DemoOrganisation(name, type));
		}
		return List.copyOf(picked.values());
	}

	private static String pickLevel(SplittableRandom random) {
		double draw = random.nextDouble();
		return (draw < 0.45) ? "national" : (draw < 0.65) ? "regional" : (draw < 0.95) ? "local" : "other";
	}

	private static PublicationStatus pickStatus(SplittableRandom random) {
		double draw = random.nextDouble();
		if (draw < 0.92) {
			return PublicationStatus.PUBLISHED;
		}
		return (draw < 0.95) ? PublicationStatus.PENDING : (draw < 0.97) ? PublicationStatus.DRAFT
				: (draw < 0.99) ? PublicationStatus.REVIEWED_NOT_PUBLISHED : PublicationStatus.ARCHIVED;
	}

	/**
	 * One of the few towns of a country that demo cases take place in, named in the
	 * case's language: cases of one town share its name and its spot on the map.
	 */
	private static String town(DemoCountry country, DemoPhrases words, int town) {
		SplittableRandom random = new SplittableRandom((country.code() + "#" + town).hashCode());
		return oneOf(random, words.placePrefixes()) + oneOf(random, words.placeSuffixes());
	}

	/**
	 * The point of a place: near the country's representative point, within a radius that
	 * grows with the country's size, so that it falls inside small and large countries
	 * alike. A place has one point, as a geocoded town does, so cases of the same place
	 * share a spot on the map.
	 */
	private static DemoCase.DemoLocation locationIn(DemoCountry country, String place) {
		SplittableRandom random = new SplittableRandom((country.code() + "/" + place).hashCode());
		double radius = Math.min(2.5, Math.max(0.01, 0.25 * Math.sqrt(country.areaKm2()) / 111));
		double angle = random.nextDouble() * 2 * Math.PI;
		double distance = radius * Math.sqrt(random.nextDouble());
		double latitude = clamp(country.latitude() + distance * Math.sin(angle), -89.9, 89.9);
		double longitude = clamp(country.longitude() + distance * Math.cos(angle), -179.9, 179.9);
		return new DemoCase.DemoLocation(place, round(latitude), round(longitude));
	}

	private String paragraph(SplittableRandom random, DemoPhrases words, Map<String, String> slots, int min, int max) {
		int count = min + random.nextInt(max - min + 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			if (i > 0) {
				text.append(' ');
			}
			text.append(fill(oneOf(random, words.sentences()), slots, random));
		}
		return text.toString();
	}

	private static String fill(String template, Map<String, String> slots, SplittableRandom random) {
		String text = template;
		for (Map.Entry<String, String> slot : slots.entrySet()) {
			text = text.replace("{" + slot.getKey() + "}", slot.getValue());
		}
		return text.replace("{number}", Integer.toString(3 + random.nextInt(2000)));
	}

	private static <T> List<T> distinct(SplittableRandom random, Zipf ranks, List<T> values, int min, int max) {
		int count = min + random.nextInt(max - min + 1);
		Set<T> picked = new LinkedHashSet<>();
		while (picked.size() < count) {
			picked.add(values.get(ranks.next(random)));
		}
		return List.copyOf(picked);
	}

	private static int pick(SplittableRandom random, double[] weights) {
		double total = 0;
		for (double weight : weights) {
			total += weight;
		}
		double draw = random.nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			draw -= weights[i];
			if (draw < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static <T> T oneOf(SplittableRandom random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static Instant between(SplittableRandom random, Instant from, Instant to) {
		long seconds = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
		return from.plusSeconds(random.nextLong(seconds));
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	private static double round(double coordinate) {
		return Math.round(coordinate * 1e5) / 1e5;
	}

	private static String capitalise(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** Common countries first, then the others in an order fixed by the seed. */
	private static List<DemoCountry> byPopularity(List<DemoCountry> all, long seed) {
		Map<String, DemoCountry> byCode = all.stream()
			.filter((country) -> !country.grouping())
			.collect(Collectors.toMap(DemoCountry::code, Function.identity()));
		List<DemoCountry> ordered = new ArrayList<>();
		COMMON_COUNTRIES.stream().map(byCode::get).filter((country) -> country != null).forEach(ordered::add);
		SplittableRandom shuffle = new SplittableRandom(seed);
		byCode.values()
			.stream()
			.filter((country) -> !COMMON_COUNTRIES.contains(country.code()))
			.sorted(Comparator.comparing(DemoCountry::code))
			.map((country) -> Map.entry(shuffle.nextLong(), country))
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> ordered.add(entry.getValue()));
		return List.copyOf(ordered);
	}

	/**
	 * Curated tags, then free tags made of the English bank's words ("open platform").
	 */
	private static List<DemoTag> tagUniverse(DemoPhrases english) {
		Map<String, DemoTag> tags = new LinkedHashMap<>();
		CURATED_TAGS.forEach((key) -> tags.put(key, new DemoTag(key, null)));
		for (String noun : english.nouns()) {
			for (String adjective : english.adjectives()) {
				String label = capitalise(adjective.toLowerCase(Locale.ROOT) + " " + noun);
				tags.putIfAbsent(Slugs.of(label), new DemoTag(Slugs.of(label), label));
			}
		}
		for (String theme : english.themes()) {
			tags.putIfAbsent(Slugs.of(theme), new DemoTag(Slugs.of(theme), capitalise(theme)));
		}
		return List.copyOf(tags.values());
	}

	/** A country as the generator needs it. */
	record DemoCountry(String code, String name, double latitude, double longitude, double areaKm2, boolean grouping) {
	}

	/**
	 * A tag demo cases use; {@code label} is null for curated tags, which already exist.
	 */
	record DemoTag(String key, String label) {
	}

}
