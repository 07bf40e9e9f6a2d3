package fr.fraisdejustice.workflow;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the analysts' models with duplicate filtering on changed resources only: an unchanged set creates no deployment,
 * a changed file creates one deployment holding that file alone, hence exactly one new version of its definitions.
 */
public class ModelDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(ModelDeployment.class);

    private final String deploymentName;

    public ModelDeployment(String deploymentName) {
        this.deploymentName = deploymentName;
    }

    /** Answers the new deployment, or nothing when every model was already deployed as it is. */
    public Optional<DeploymentWithDefinitions> deploy(RepositoryService repository, List<ModelResource> models) {
        if (models.isEmpty()) {
            return Optional.empty();
        }
        long before = repository.createDeploymentQuery().deploymentName(deploymentName).count();
        DeploymentBuilder builder = repository.createDeployment()
                .name(deploymentName)
                .source(deploymentName)
                .enableDuplicateFiltering(true);
        models.forEach(model -> builder.addInputStream(model.name(), new ByteArrayInputStream(model.content())));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        if (repository.createDeploymentQuery().deploymentName(deploymentName).count() == before) {
            LOG.info("Modèles inchangés: aucun nouveau déploiement ({} fichiers)", models.size());
            return Optional.empty();
        }
        LOG.info("Déploiement {} des modèles modifiés: {}", deployment.getId(),
                repository.getDeploymentResourceNames(deployment.getId()));
        return Optional.of(deployment);
    }
}
