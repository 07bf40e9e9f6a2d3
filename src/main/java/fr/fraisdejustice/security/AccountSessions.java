package fr.fraisdejustice.security;

import java.util.UUID;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's open sessions (kept in PostgreSQL, indexed by the account id): after a password change or reset, or
 * a removal from a structure, nobody stays logged in with what was taken away.
 */
@Component
public class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the account; answers how many there were. */
    public int endAll(UUID accountId) {
        return endAllBut(accountId, null);
    }

    /** Ends every session of the account except the one given (the one that asked for the change). */
    public int endAllBut(UUID accountId, String keptSessionId) {
        var open = sessions.findByPrincipalName(accountId.toString());
        int ended = 0;
        for (String id : open.keySet()) {
            if (!id.equals(keptSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
