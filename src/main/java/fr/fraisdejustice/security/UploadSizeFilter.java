package fr.fraisdejustice.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import fr.fraisdejustice.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a multipart request by the size it announces, before a byte of its body is read (Spring's own multipart
 * limits act only while the body is being read): 413 past the path's limit, 411 when it announces no size at all.
 */
final class UploadSizeFilter extends OncePerRequestFilter {

    private final UploadLimitProperties limits;
    private final ProblemResponses problems;

    UploadSizeFilter(UploadLimitProperties limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    /** A file upload: what both upload filters look at, and nothing else. */
    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isMultipart(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long announced = request.getContentLengthLong();
        long max = limits.maxBytes(request.getRequestURI().substring(request.getContextPath().length()));
        if (announced < 0) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(response, HttpStatus.LENGTH_REQUIRED, "LENGTH_REQUIRED",
                    "Un envoi de fichier indique sa taille (en-tête Content-Length) : renvoyez-le sans découpage en morceaux.");
            return;
        }
        if (announced > max) {
            // the client stops sending once it reads the answer; the connection is not kept for the rest of the body
            response.setHeader(HttpHeaders.CONNECTION, "close");
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "REQUEST_TOO_LARGE", "Cet envoi pèse "
                    + megabytes(announced) + " Mo, plus que les " + megabytes(max) + " Mo permis ici : envoyez moins de "
                    + "fichiers à la fois ou des fichiers plus légers (numérisation en 150 ppp, en noir et blanc).");
            return;
        }
        chain.doFilter(request, response);
    }

    private static String megabytes(long bytes) {
        return String.valueOf((bytes + 1024 * 1024 - 1) / (1024 * 1024));
    }
}
