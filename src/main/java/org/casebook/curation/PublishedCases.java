package org.casebook.curation;

import java.time.Clock;
import java.util.List;

import org.casebook.innovation.HistoryBaseline;
import org.casebook.innovation.Innovation;
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

	private final HistoryBaseline baseline;

	private final Clock clock;

	PublishedCases(InnovationRepository innovations, HistoryBaseline baseline, Clock clock) {
		this.innovations = innovations;
		this.baseline = baseline;
		this.clock = clock;
	}

	/**
	 * Archives a published case: it leaves the catalogue, the search and the map at
	 * commit, and its page and history are no longer public; it is kept, with its
	 * history.
	 */
	public void archive(String slug) {
		Innovation innovation = this.innovations.findBySlugAndStatus(slug, PublicationStatus.PUBLISHED)
			.orElseThrow(() -> new InnovationNotFoundException(slug));
		this.baseline.ensure(List.of(innovation.getId()));
		innovation.archive(this.clock.instant());
	}

}
