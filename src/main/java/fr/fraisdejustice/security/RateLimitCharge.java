package fr.fraisdejustice.security;

import java.util.function.IntPredicate;

/**
 * One token a request takes from the bucket of a limit and a key (a client address, a login, an e-mail). Once the
 * request is answered, the token is given back unless the answer's status is one the limit {@code counts}.
 */
record RateLimitCharge(RateLimit limit, String key, IntPredicate counts) {

    static final IntPredicate EVERY_ANSWER = status -> true;

    /** Logins count only when they fail: an API client sends HTTP Basic with every call. */
    static final IntPredicate FAILED_LOGIN = status -> status == 401 || status == 423;

    /** Refused input did nothing (no account, no mail): the person corrects the form and sends it again. */
    static final IntPredicate ALL_BUT_BAD_INPUT = status -> status != 400;
}
