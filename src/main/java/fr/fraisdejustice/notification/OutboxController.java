package fr.fraisdejustice.notification;

import java.time.Duration;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What the outbox still has to deliver, for administrators, and a way to try again at once. */
@RestController
@Tag(name = "Administration")
class OutboxController {

    private final OutboxResubmission resubmission;

    OutboxController(OutboxResubmission resubmission) {
        this.resubmission = resubmission;
    }

    @GetMapping("/api/admin/outbox")
    @Operation(summary = "Les envois (courriels) pas encore délivrés après leur validation (administrateurs)")
    List<OutboxResubmission.Pending> pending() {
        return resubmission.pending();
    }

    @PostMapping("/api/admin/outbox/resubmission")
    @Operation(summary = "Relancer tout de suite les envois pas encore délivrés (administrateurs)")
    Resubmitted resubmit() {
        int pending = resubmission.pending().size();
        boolean ran = resubmission.resubmit(Duration.ZERO);
        return new Resubmitted(pending, ran ? "Les " + pending + " envoi(s) en attente sont relancés."
                : "Un autre serveur relance déjà les envois : réessayez dans une minute.");
    }

    record Resubmitted(int pending, String message) {
    }
}
