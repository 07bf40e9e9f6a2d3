package fr.fraisdejustice.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.fraisdejustice.shared.FrenchDates;
import fr.fraisdejustice.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Charges each file upload of a provider to his account's quotas once he is known (after authentication), before the
 * body is read: 429 with Retry-After when a quota is spent.
 */
final class UploadQuotaFilter extends OncePerRequestFilter {

    private final UploadQuotas quotas;
    private final UploadLimitProperties limits;
    private final ProblemResponses problems;
    private final Clock clock;

    UploadQuotaFilter(UploadQuotas quotas, UploadLimitProperties limits, ProblemResponses problems, Clock clock) {
        this.quotas = quotas;
        this.limits = limits;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !UploadSizeFilter.isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ProviderPrincipal provider)) {
            chain.doFilter(request, response);
            return;
        }
        UploadQuotas.Refusal refusal = quotas.charge(provider.accountId(), Math.max(0, request.getContentLengthLong()));
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (refusal == UploadQuotas.Refusal.BYTES_IN_ALL) {
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "UPLOAD_QUOTA_EXCEEDED", "Votre compte a déjà envoyé "
                    + limits.bytesPerAccount().toGigabytes() + " Go de fichiers, le plus permis : écrivez au support "
                    + "(« Nouvelle sollicitation ») pour l'augmenter.");
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(FrenchDates.PARIS));
        long untilMidnight = Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(FrenchDates.PARIS)).toSeconds() + 1;
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(untilMidnight));
        problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "UPLOAD_QUOTA_EXCEEDED",
                refusal == UploadQuotas.Refusal.UPLOADS_PER_DAY
                        ? "Votre compte a déjà envoyé " + limits.uploadsPerAccountPerDay() + " fichiers aujourd'hui, le plus "
                          + "permis par jour : reprenez demain, ou regroupez vos mémoires dans un dépôt flux."
                        : "Votre compte a déjà envoyé " + limits.bytesPerAccountPerDay().toMegabytes() + " Mo de fichiers "
                          + "aujourd'hui, le plus permis par jour : reprenez demain.");
    }
}
