package org.casebook.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByEmail(String email);

	@Query("select count(a) from Account a join a.roles r where r = :role")
	long countByRole(Role role);

	List<Account> findAllByOrderByCreatedAtAscIdAsc();

}
