package org.casebook.curation;

import java.time.Clock;

import org.casebook.innovation.InnovationNotFoundException;
import org.casebook.innovation.InnovationRepository;
import org.casebook.innovation.PublicationStatus;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What editors do to a published case besides changing it: take it out of the catalogue.
 */
@Service
@Transactional
public class PublishedCases {

	private final InnovationRepository innovations;

	private final Clock clock;

	PublishedCases(InnovationRepository innovations, Clock clock) {
		this.innovations = innovations;
		this.clock = clock;
	}

	/**
	 * Archives a published case: it leaves the catalogue, the search and the map at
	 * commit, and its page and history are no longer public; it is kept, with its
	 * history.
	 */
	public void archive(String slug) {
		this.innovations.findBySlugAndStatus(slug, PublicationStatus.PUBLISHED)
			.orElseThrow(() -> new InnovationNotFoundException(slug))
			.archive(this.clock.instant());
	}

}
