package org.casebook.curation;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubmissionRepository extends JpaRepository<Submission, Long> {

	List<Submission> findByAuthorIdOrderByUpdatedAtDescIdDesc(long authorId);

	/**
	 * What waits for an editor, oldest first; only new cases, only changes, or both; only
	 * complete ones, only incomplete ones, or both.
	 */
	@Query("""
			select s from Submission s where s.state = org.casebook.curation.Submission.State.PENDING
			and (:kind is null or (:kind = 'new' and s.changesId is null) or (:kind = 'change' and s.changesId is not null))
			and (:complete is null or (:complete = true and s.completeness = 100) or (:complete = false and s.completeness < 100))
			order by s.submittedAt, s.id""")
	Page<Submission> queue(String kind, Boolean complete, Pageable page);

}
