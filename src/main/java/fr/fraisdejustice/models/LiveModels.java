package fr.fraisdejustice.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

import fr.fraisdejustice.workflow.ModelDeployment;

/**
 * The models in service: for each resource name ({@code dmn/memoire-routing.dmn}), its content in the latest deployment
 * of the analysts' models that holds it, and its earlier versions. Read from the engine's deployments (public API), so
 * it is the same on every node.
 */
@Component
public class LiveModels {

    /** One version of a resource: the deployment that holds it. */
    public record Version(String name, String deploymentId, Instant deployedAt, int number) {
    }

    private final RepositoryService repository;

    LiveModels(RepositoryService repository) {
        this.repository = repository;
    }

    /** Every version of every resource, oldest first per name. */
    public Map<String, List<Version>> history() {
        Map<String, List<Version>> versions = new TreeMap<>();
        List<Deployment> deployments = new ArrayList<>(repository.createDeploymentQuery()
                .deploymentName(ModelDeployment.NAME).list());
        deployments.sort(Comparator.comparing(Deployment::getDeploymentTime).thenComparing(Deployment::getId));
        for (Deployment deployment : deployments) {
            for (String name : repository.getDeploymentResourceNames(deployment.getId())) {
                List<Version> list = versions.computeIfAbsent(name, n -> new ArrayList<>());
                list.add(new Version(name, deployment.getId(), deployment.getDeploymentTime().toInstant(), list.size() + 1));
            }
        }
        return versions;
    }

    /** The live version of each resource. */
    public Map<String, Version> current() {
        Map<String, Version> live = new TreeMap<>();
        history().forEach((name, list) -> live.put(name, list.get(list.size() - 1)));
        return live;
    }

    public Optional<byte[]> content(String name) {
        Version version = current().get(name);
        return version == null ? Optional.empty() : Optional.of(content(version));
    }

    public byte[] content(Version version) {
        try (InputStream in = repository.getResourceAsStream(version.deploymentId(), version.name())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every live resource by name, with its content. */
    public Map<String, byte[]> contents() {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        current().forEach((name, version) -> contents.put(name, content(version)));
        return contents;
    }

    /** A ZIP of every live resource, in the repository's folder layout, to commit as it is. */
    public byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : contents().entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
