package fr.fraisdejustice.models;

import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import fr.fraisdejustice.models.ProcessMigrationService.DryRun;
import fr.fraisdejustice.models.ProcessMigrationService.Incompatible;
import fr.fraisdejustice.models.ProcessMigrationService.Instruction;
import fr.fraisdejustice.models.ProcessMigrationService.Progress;
import fr.fraisdejustice.models.ProcessMigrationService.Started;
import fr.fraisdejustice.models.ProcessMigrationService.Version;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The analysts move running instances to a new version of their process: versions with their running instances, a dry
 * run, the migration as a batch and its progress (ROLE_ANALYSTE or ROLE_ADMIN, by the staff filter chain).
 */
@RestController
@Tag(name = "Modèles")
class ProcessMigrationController {

    record MigrationRequest(Integer fromVersion, Integer toVersion, String reason) {
    }

    record DryRunReport(int fromVersion, int toVersion, int migratable, List<Instruction> instructions,
                        List<Incompatible> incompatible) {

        static DryRunReport of(DryRun dryRun) {
            return new DryRunReport(dryRun.fromVersion(), dryRun.toVersion(), dryRun.migratable(), dryRun.instructions(),
                    dryRun.incompatible());
        }
    }

    private final ProcessMigrationService migrations;

    ProcessMigrationController(ProcessMigrationService migrations) {
        this.migrations = migrations;
    }

    @GetMapping("/api/models/processes/{key}/versions")
    @Operation(summary = "Les versions d'un processus et leurs instances en cours")
    List<Version> versions(@PathVariable String key) {
        return migrations.versions(key);
    }

    @PostMapping("/api/models/processes/{key}/migrations/dry-run")
    @Operation(summary = "Ce que ferait la migration des instances d'une version à une autre, sans rien changer")
    DryRunReport dryRun(@PathVariable String key, @RequestBody MigrationRequest request) {
        return DryRunReport.of(migrations.dryRun(key, request.fromVersion(), request.toVersion()));
    }

    @PostMapping("/api/models/processes/{key}/migrations")
    @Operation(summary = "Migre les instances compatibles (lot du moteur) ; les autres restent sur leur version")
    ResponseEntity<Started> migrate(@PathVariable String key, @RequestBody MigrationRequest request, Principal analyst) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(migrations.migrate(key, request.fromVersion(),
                request.toVersion(), request.reason(), analyst.getName()));
    }

    @GetMapping("/api/models/migrations/{batchId}")
    @Operation(summary = "L'avancement d'une migration")
    Progress progress(@PathVariable String batchId) {
        return migrations.progress(batchId);
    }
}
