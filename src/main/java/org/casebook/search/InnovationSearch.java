package org.casebook.search;

import jakarta.persistence.EntityManager;
import org.casebook.innovation.Innovation;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.Search;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds published cases in the index. */
@Service
public class InnovationSearch {

	private final EntityManager entityManager;

	InnovationSearch(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** The published cases, most recently published first. */
	@Transactional(readOnly = true)
	public ResultPage<InnovationCard> newest(int page, int size) {
		SearchResult<InnovationCard> result = Search.session(this.entityManager)
			.search(Innovation.class)
			.select(InnovationCard.class)
			.where((f) -> f.matchAll())
			.sort((f) -> f.field("publishedAt").desc().then().field("title_sort"))
			.fetch((page - 1) * size, size);
		return new ResultPage<>(result.hits(), result.total().hitCount(), page, size);
	}

}
