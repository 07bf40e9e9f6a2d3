package fr.fraisdejustice.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, UUID> {

    Optional<Account> findByLoginEmailIgnoreCase(String loginEmail);

    boolean existsByLoginEmailIgnoreCase(String loginEmail);
}
