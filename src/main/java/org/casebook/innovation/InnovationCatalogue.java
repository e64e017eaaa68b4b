package org.casebook.innovation;

import org.hibernate.Hibernate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads cases as the public sees them: only published ones. */
@Service
public class InnovationCatalogue {

	private final InnovationRepository innovations;

	InnovationCatalogue(InnovationRepository innovations) {
		this.innovations = innovations;
	}

	/**
	 * The published case with this slug, with everything its page shows.
	 * @throws InnovationNotFoundException if there is none
	 */
	@Transactional(readOnly = true)
	public Innovation published(String slug) {
		Innovation innovation = this.innovations.findBySlugAndStatus(slug, PublicationStatus.PUBLISHED)
			.orElseThrow(() -> new InnovationNotFoundException(slug));
		// The entity graph cannot reach into the embeddable organisations; their types
		// load in one batch.
		innovation.getOrganisations().forEach((organisation) -> Hibernate.initialize(organisation.getType()));
		return innovation;
	}

}
