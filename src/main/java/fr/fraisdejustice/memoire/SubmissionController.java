package fr.fraisdejustice.memoire;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.jurisdiction.Jurisdictions;
import fr.fraisdejustice.security.ProviderPrincipal;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.structure.Structures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Mémoires")
class SubmissionController {

    private final MemoireSubmission submission;
    private final MemoireDrafts drafts;
    private final CertificateDocument certificates;
    private final Structures structures;
    private final Jurisdictions jurisdictions;

    SubmissionController(MemoireSubmission submission, MemoireDrafts drafts, CertificateDocument certificates,
                         Structures structures, Jurisdictions jurisdictions) {
        this.submission = submission;
        this.drafts = drafts;
        this.certificates = certificates;
        this.structures = structures;
        this.jurisdictions = jurisdictions;
    }

    @PostMapping("/api/memoires/{number}/submission")
    @Operation(summary = "Valider et envoyer : numéro MJ, certificat de dépôt (profil « modification »)")
    MemoireSubmission.Submitted submit(@PathVariable String number, @RequestBody Submission request,
                                       @AuthenticationPrincipal ProviderPrincipal me) {
        return submission.submit(number, Boolean.TRUE.equals(request.swornStatement()),
                Boolean.TRUE.equals(request.lateAcknowledged()), me.accountId());
    }

    @GetMapping(path = "/api/memoires/{number}/certificate", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Le certificat de dépôt en PDF")
    ResponseEntity<byte[]> certificate(@PathVariable String number, @AuthenticationPrincipal ProviderPrincipal me) {
        MemoireView memoire = drafts.read(number, me.accountId());
        if (memoire.status() == MemoireStatus.BROUILLON) {
            throw new DomainException(DomainException.Kind.CONFLICT, "NOT_SUBMITTED", "Un brouillon n'a pas de certificat : envoyez-le d'abord.");
        }
        if (memoire.fingerprint() == null) {
            throw new DomainException(DomainException.Kind.CONFLICT, "IMPORTED_MEMOIRE_NO_CERTIFICATE", "Le mémoire "
                    + memoire.number() + " a été repris de l'ancien portail : son certificat de dépôt est celui de l'ancien portail.");
        }
        byte[] pdf = certificates.render(new CertificateDocument.Facts(memoire.number(),
                CertificateDocument.date(memoire.depositedAt()), structures.byId(memoire.structureId()).name(),
                jurisdictions.find(memoire.jurisdictionCode()).map(j -> j.name()).orElse(memoire.jurisdictionCode()),
                memoire.totals().overall(), memoire.fingerprint(), memoire.late()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certificat-" + memoire.number() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    @PostMapping("/api/certificates/verification")
    @Operation(summary = "Vérifier un certificat de dépôt par son numéro et son empreinte (anonyme)")
    Verification verify(@RequestBody Verification.Request request) {
        return new Verification(submission.verify(request.number(), request.fingerprint()));
    }

    record Submission(Boolean swornStatement, Boolean lateAcknowledged) {
    }

    record Verification(boolean valid) {
        record Request(String number, String fingerprint) {
        }
    }
}
