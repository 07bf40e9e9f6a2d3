package fr.fraisdejustice.workflow;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the shipped models at start: only a resource whose exact content was never deployed under its name before
 * (in the deployments of this name), so an unchanged set creates no deployment, a changed file creates one deployment
 * holding that file alone (exactly one new version of its definitions), and a restart never reverts a live change made
 * by an analyst: the shipped content was deployed once already, the live version stays the latest. A developer who
 * commits the live models downloaded from /analyse ships contents already deployed: no new version either.
 */
public class ModelDeployment {

    /** The one deployment name of the analysts' models, at start and live (docs/adr/0002). */
    public static final String NAME = "frais-de-justice";

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
        Set<String> deployedOnce = deployedContents(repository);
        List<ModelResource> neverDeployed = models.stream()
                .filter(model -> !deployedOnce.contains(fingerprint(model.name(), model.content()))).toList();
        if (neverDeployed.isEmpty()) {
            LOG.info("Modèles déjà déployés tels quels : aucun nouveau déploiement ({} fichiers)", models.size());
            return Optional.empty();
        }
        long before = repository.createDeploymentQuery().deploymentName(deploymentName).count();
        DeploymentBuilder builder = repository.createDeployment()
                .name(deploymentName)
                .source(deploymentName)
                .enableDuplicateFiltering(true);
        neverDeployed.forEach(model -> builder.addInputStream(model.name(), new ByteArrayInputStream(model.content())));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        if (repository.createDeploymentQuery().deploymentName(deploymentName).count() == before) {
            LOG.info("Modèles inchangés: aucun nouveau déploiement ({} fichiers)", models.size());
            return Optional.empty();
        }
        LOG.info("Déploiement {} des modèles modifiés: {}", deployment.getId(),
                repository.getDeploymentResourceNames(deployment.getId()));
        return Optional.of(deployment);
    }

    /** Name and content hash of every resource ever deployed under this deployment name. */
    private Set<String> deployedContents(RepositoryService repository) {
        Set<String> fingerprints = new HashSet<>();
        for (Deployment deployment : repository.createDeploymentQuery().deploymentName(deploymentName).list()) {
            for (Resource resource : repository.getDeploymentResources(deployment.getId())) {
                fingerprints.add(fingerprint(resource.getName(), resource.getBytes()));
            }
        }
        return fingerprints;
    }

    private static String fingerprint(String name, byte[] content) {
        try {
            return name + "@" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
