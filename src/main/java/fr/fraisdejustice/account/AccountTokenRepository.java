package fr.fraisdejustice.account;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AccountTokenRepository extends JpaRepository<AccountToken, String> {

    List<AccountToken> findByAccountIdAndPurpose(UUID accountId, AccountToken.Purpose purpose);
}
