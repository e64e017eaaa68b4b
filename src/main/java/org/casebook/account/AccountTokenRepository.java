package org.casebook.account;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, String> {

	/** Forgets the links that can no longer serve. */
	@Modifying
	@Query("delete from AccountToken t where t.expiresAt < :before")
	int deleteExpiredBefore(Instant before);

}
