package org.casebook.innovation;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InnovationRepository extends JpaRepository<Innovation, Long> {

	@EntityGraph(attributePaths = { "level", "countries", "sectors", "stages", "tags", "organisations", "links" })
	Optional<Innovation> findBySlugAndStatus(String slug, PublicationStatus status);

	boolean existsBySlug(String slug);

	Optional<Innovation> findBySlug(String slug);

}
