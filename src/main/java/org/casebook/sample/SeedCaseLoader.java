package org.casebook.sample;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.casebook.innovation.Innovation;
import org.casebook.innovation.Location;
import org.casebook.innovation.Organisation;
import org.casebook.innovation.Provenance;
import org.casebook.taxonomy.Country;
import org.casebook.taxonomy.GovernmentLevel;
import org.casebook.taxonomy.InnovationStage;
import org.casebook.taxonomy.OrganisationType;
import org.casebook.taxonomy.Sector;
import org.casebook.taxonomy.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the ten cases of the OPSI list page, once: the load is recorded in
 * {@code data_load} in the same transaction.
 */
@Component
class SeedCaseLoader {

	static final String DATA_SET = "seed-cases";

	/**
	 * The seed cases are excerpts of the OPSI case study library's list page, which
	 * states no licence for them: none is claimed. The list page shows no titles: theirs
	 * were written here.
	 */
	static final String SOURCE_NAME = "OECD Observatory of Public Sector Innovation, case study library: "
			+ "the summary is an excerpt of its list page, the title was written for Casebook";

	static final String SOURCE_URL = "https://oecd-opsi.org/case-study-library/";

	private static final Logger log = LoggerFactory.getLogger(SeedCaseLoader.class);

	private final EntityManager entityManager;

	private final Clock clock;

	SeedCaseLoader(EntityManager entityManager, Clock clock) {
		this.entityManager = entityManager;
		this.clock = clock;
	}

	@Transactional
	public boolean loadOnce() {
		int inserted = this.entityManager
			.createNativeQuery("INSERT INTO data_load (name, loaded_at) VALUES (?1, now()) ON CONFLICT DO NOTHING")
			.setParameter(1, DATA_SET)
			.executeUpdate();
		if (inserted == 0) {
			return false;
		}
		Instant now = this.clock.instant();
		List<SeedCase> cases = read();
		for (SeedCase seed : cases) {
			this.entityManager.persist(toInnovation(seed, now));
		}
		log.info("Loaded {} seed cases", cases.size());
		return true;
	}

	static List<SeedCase> read() {
		try (InputStream json = new ClassPathResource("sample/seed-cases.json").getInputStream()) {
			return JsonMapper.shared().readValue(json, new TypeReference<List<SeedCase>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the seed cases", ex);
		}
	}

	private Innovation toInnovation(SeedCase seed, Instant now) {
		Innovation innovation = new Innovation(seed.slug(), seed.title(), seed.language(), now);
		innovation.setSummary(seed.summary());
		innovation.setProvenance(new Provenance(SOURCE_NAME, SOURCE_URL, null));
		innovation.setLaunchYear(seed.launchYear());
		if (seed.level() != null) {
			innovation.setLevel(reference(GovernmentLevel.class, seed.level()));
		}
		seed.countries().forEach((key) -> innovation.getCountries().add(reference(Country.class, key)));
		seed.sectors().forEach((key) -> innovation.getSectors().add(reference(Sector.class, key)));
		seed.stages().forEach((key) -> innovation.getStages().add(reference(InnovationStage.class, key)));
		seed.tags().forEach((key) -> innovation.getTags().add(reference(Tag.class, key)));
		for (SeedCase.SeedOrganisation organisation : seed.organisations()) {
			OrganisationType type = (organisation.type() != null)
					? reference(OrganisationType.class, organisation.type()) : null;
			innovation.getOrganisations().add(new Organisation(organisation.name(), type));
		}
		if (seed.location() != null) {
			innovation.setLocation(
					new Location(seed.location().name(), seed.location().latitude(), seed.location().longitude()));
		}
		innovation.publish(now);
		return innovation;
	}

	private <T> T reference(Class<T> type, String key) {
		T term = this.entityManager.find(type, key);
		if (term == null) {
			throw new IllegalStateException("Seed case refers to an unknown " + type.getSimpleName() + ": " + key);
		}
		return term;
	}

}
