package org.casebook.attachment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, UUID> {

	List<Attachment> findBySubmissionIdOrderByPositionAscCreatedAtAsc(long submissionId);

	List<Attachment> findByInnovationIdOrderByPositionAscCreatedAtAsc(long innovationId);

	Optional<Attachment> findByIdAndSubmissionId(UUID id, long submissionId);

	/** A file of the published case of this slug, and only of it. */
	@Query("""
			select a from Attachment a, Innovation i
			where a.id = :id and a.innovationId = i.id and i.slug = :slug
			and i.status = org.casebook.innovation.PublicationStatus.PUBLISHED""")
	Optional<Attachment> published(String slug, UUID id);

	/** The files of the published case of this slug, in their order. */
	@Query("""
			select a from Attachment a, Innovation i
			where a.innovationId = i.id and i.slug = :slug
			and i.status = org.casebook.innovation.PublicationStatus.PUBLISHED
			order by a.position, a.createdAt""")
	List<Attachment> ofPublished(String slug);

}
