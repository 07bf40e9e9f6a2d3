package fr.fraisdejustice.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import fr.fraisdejustice.models.DeploymentRecords.Kind;
import fr.fraisdejustice.models.ModelDeploymentService.DeploymentResult;
import fr.fraisdejustice.models.ModelDeploymentService.Upload;

/**
 * One action back: the previous version's content of a resource deployed again as a new version, through the same
 * checks as any change. For a table, its test cases go back with it (the versions that were live beside it), so a test
 * case written for the change being undone does not refuse the rollback.
 */
@Service
class ModelRollbacks {

    private final LiveModels live;
    private final ModelDeploymentService deployments;

    ModelRollbacks(LiveModels live, ModelDeploymentService deployments) {
        this.live = live;
        this.deployments = deployments;
    }

    DeploymentResult rollback(String resource, String reason, String user) {
        Map<String, List<LiveModels.Version>> history = live.history();
        List<LiveModels.Version> versions = resource == null ? null : history.get(resource);
        if (versions == null) {
            throw ModelDeploymentService.refusal(List.of(ModelDeploymentService.problem("resource",
                    "Aucun modèle en service ne s'appelle « " + resource + " » (par exemple dmn/memoire-routing.dmn).")));
        }
        if (versions.size() < 2) {
            throw ModelDeploymentService.refusal(List.of(ModelDeploymentService.problem("resource",
                    "« " + resource + " » n'a pas de version précédente : il n'y a rien à rétablir.")));
        }
        LiveModels.Version previous = versions.get(versions.size() - 2);
        byte[] content = live.content(previous);
        List<Upload> uploads = new ArrayList<>();
        uploads.add(new Upload(resource, content));
        if (resource.endsWith(".dmn")) {
            for (String decisionId : DecisionTestCases.decisionIds(content)) {
                String cases = DecisionTestCases.FOLDER + decisionId + ".csv";
                casesLiveAt(history.get(cases), previous).ifPresent(version -> {
                    byte[] then = live.content(version);
                    byte[] now = live.content(history.get(cases).get(history.get(cases).size() - 1));
                    if (!Arrays.equals(then, now)) {
                        uploads.add(new Upload(cases, then));
                    }
                });
            }
        }
        return deployments.deploy(uploads, reason, user, Kind.ROLLBACK);
    }

    /** The version of a test case file that was live when the table's previous version was. */
    private static java.util.Optional<LiveModels.Version> casesLiveAt(List<LiveModels.Version> versions,
                                                                      LiveModels.Version table) {
        if (versions == null) {
            return java.util.Optional.empty();
        }
        LiveModels.Version found = null;
        for (LiveModels.Version version : versions) {
            if (!version.deployedAt().isAfter(table.deployedAt())) {
                found = version;
            }
        }
        return java.util.Optional.ofNullable(found);
    }
}
