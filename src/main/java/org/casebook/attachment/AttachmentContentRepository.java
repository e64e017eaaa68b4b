package org.casebook.attachment;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AttachmentContentRepository extends JpaRepository<AttachmentContent, String> {

	/** The bytes of a file, without its thumbnail. */
	@Query("select new org.casebook.attachment.StoredBytes(c.mediaType, c.bytes) from AttachmentContent c "
			+ "where c.sha256 = :sha256")
	Optional<StoredBytes> bytes(String sha256);

	/** The thumbnail of an image, without the image. */
	@Query("select new org.casebook.attachment.StoredBytes(c.thumbnailType, c.thumbnail) from AttachmentContent c "
			+ "where c.sha256 = :sha256 and c.thumbnail is not null")
	Optional<StoredBytes> thumbnail(String sha256);

	/** Forgets these contents where no file has them any more. */
	@Modifying
	@Query("delete from AttachmentContent c where c.sha256 in :hashes "
			+ "and not exists (select 1 from Attachment a where a.sha256 = c.sha256)")
	int deleteUnused(java.util.Collection<String> hashes);

}
