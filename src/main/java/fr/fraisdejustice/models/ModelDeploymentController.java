package fr.fraisdejustice.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.models.DeploymentRecords.DeploymentRecord;
import fr.fraisdejustice.models.ModelDeploymentService.CheckResult;
import fr.fraisdejustice.models.ModelDeploymentService.DeploymentResult;
import fr.fraisdejustice.models.ModelDeploymentService.Upload;
import fr.fraisdejustice.shared.DomainException;
import fr.fraisdejustice.workflow.ModelDeployment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The analysts' guarded live deployment, its history, the live models and the rollback (group analyste and admins). */
@RestController
@Tag(name = "Analystes")
class ModelDeploymentController {

    record DeploymentView(String deploymentId, Instant deployedAt, String deployedBy, String reason, String kind,
                          List<String> resources) {
    }

    record DefinitionView(String resource, String type, String key, String name, Integer version, Instant deployedAt,
                          String deploymentId, Integer previousVersion) {
    }

    record RollbackRequest(String resource, String reason) {
    }

    private final ModelDeploymentService deployments;
    private final ModelRollbacks rollbacks;
    private final LiveModels live;
    private final DeploymentRecords records;
    private final RepositoryService repository;

    ModelDeploymentController(ModelDeploymentService deployments, ModelRollbacks rollbacks, LiveModels live,
                              DeploymentRecords records, RepositoryService repository) {
        this.deployments = deployments;
        this.rollbacks = rollbacks;
        this.live = live;
        this.records = records;
        this.repository = repository;
    }

    @PostMapping(path = "/api/models/deployments/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Vérifie des modèles modifiés (lint, cas de test, analyse par le moteur) sans rien déployer")
    CheckResult check(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                      @RequestParam(name = "reason", required = false) String reason) {
        return deployments.check(uploads(files), reason);
    }

    @PostMapping(path = "/api/models/deployments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Déploie des modèles modifiés après les mêmes vérifications : une nouvelle version de chacun")
    DeploymentResult deploy(@RequestPart(name = "files", required = false) List<MultipartFile> files,
                            @RequestParam(name = "reason", required = false) String reason, Principal analyst) {
        return deployments.deploy(uploads(files), reason, analyst.getName());
    }

    @GetMapping("/api/models/deployments")
    @Operation(summary = "Les déploiements des modèles, du plus récent au plus ancien : qui, quand, pourquoi")
    List<DeploymentView> history() {
        Map<String, DeploymentRecord> recorded = records.all();
        List<DeploymentView> views = new ArrayList<>();
        for (Deployment deployment : repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME).list()) {
            DeploymentRecord record = recorded.get(deployment.getId());
            List<String> resources = repository.getDeploymentResourceNames(deployment.getId()).stream().sorted().toList();
            views.add(record == null
                    ? new DeploymentView(deployment.getId(), deployment.getDeploymentTime().toInstant(), "application",
                    "Modèles livrés avec l'application (démarrage)", DeploymentRecords.Kind.START.name(), resources)
                    : new DeploymentView(deployment.getId(), deployment.getDeploymentTime().toInstant(), record.deployedBy(),
                    record.reason(), record.kind().name(), resources));
        }
        views.sort(Comparator.comparing(DeploymentView::deployedAt).thenComparing(DeploymentView::deploymentId).reversed());
        return views;
    }

    @GetMapping("/api/models/definitions")
    @Operation(summary = "Les définitions en service (processus, décisions, DRD, formulaires) et leur version")
    List<DefinitionView> definitions() {
        List<DefinitionView> views = new ArrayList<>();
        live.current().forEach((name, version) -> {
            Instant at = version.deployedAt();
            String deploymentId = version.deploymentId();
            if (name.endsWith(".bpmn")) {
                repository.createProcessDefinitionQuery().deploymentId(deploymentId).list().stream()
                        .filter(p -> p.getResourceName().equals(name))
                        .forEach(p -> views.add(new DefinitionView(name, "BPMN", p.getKey(), p.getName(), p.getVersion(), at,
                                deploymentId, previous(p.getVersion()))));
            } else if (name.endsWith(".dmn")) {
                repository.createDecisionRequirementsDefinitionQuery().deploymentId(deploymentId).list().stream()
                        .filter(d -> d.getResourceName().equals(name))
                        .forEach(d -> views.add(new DefinitionView(name, "DMN", d.getKey(), d.getName(), d.getVersion(), at,
                                deploymentId, previous(d.getVersion()))));
                repository.createDecisionDefinitionQuery().deploymentId(deploymentId).list().stream()
                        .filter(d -> d.getResourceName().equals(name))
                        .forEach(d -> views.add(new DefinitionView(name, "DMN", d.getKey(), d.getName(), d.getVersion(), at,
                                deploymentId, previous(d.getVersion()))));
            } else if (name.endsWith(".form")) {
                String id = deployments.formId(live.content(version));
                views.add(new DefinitionView(name, "FORM", id, id, version.number(), at, deploymentId, previous(version.number())));
            }
        });
        return views;
    }

    @GetMapping("/api/models/resources")
    @Operation(summary = "Le contenu en service d'un modèle ou d'un fichier de cas de test")
    ResponseEntity<String> resource(@RequestParam(name = "name", required = false) String name) {
        byte[] content = (name == null ? java.util.Optional.<byte[]>empty() : live.content(name))
                .orElseThrow(() -> new DomainException(DomainException.Kind.NOT_FOUND, "MODEL_NOT_FOUND",
                        "Aucun modèle en service ne s'appelle « " + name + " » (par exemple dmn/memoire-routing.dmn)."));
        MediaType type = name.endsWith(".form") ? MediaType.APPLICATION_JSON
                : name.endsWith(".csv") ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                : new MediaType("application", "xml", StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(type).body(new String(content, StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/api/models/live", produces = "application/zip")
    @Operation(summary = "Tous les modèles en service (ZIP, disposition du dépôt) : à déposer dans le dépôt")
    ResponseEntity<byte[]> liveModels() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("modeles-en-service.zip").build().toString())
                .body(live.zip());
    }

    @PostMapping(path = "/api/models/rollbacks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rétablit la version précédente d'un modèle, comme une nouvelle version, après les mêmes vérifications")
    DeploymentResult rollback(@RequestBody RollbackRequest request, Principal analyst) {
        return rollbacks.rollback(request.resource(), request.reason(), analyst.getName());
    }

    private static Integer previous(int version) {
        return version > 1 ? version - 1 : null;
    }

    private static List<Upload> uploads(List<MultipartFile> files) {
        if (files == null) {
            return List.of();
        }
        return files.stream().map(file -> {
            try {
                return new Upload(file.getOriginalFilename(), file.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
