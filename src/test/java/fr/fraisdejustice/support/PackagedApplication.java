package fr.fraisdejustice.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged jar started as an operator starts it, in a JVM of its own (two Camunda engines in one JVM share a static
 * registry): for the Failsafe tests of production start and clustering. Its output goes to a log file under target/.
 */
public final class PackagedApplication implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedApplication(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the jar with these environment variables and arguments, without waiting for it. */
    public static PackagedApplication start(String name, Map<String, String> environment, List<String> arguments) {
        int port = freePort();
        Path log = Path.of("target", "packaged-runs", name + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m", "-XX:+UseSerialGC", "-jar",
                jar().toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            // nothing of the test JVM's own settings leaks into the application
            env.keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("FDJ_"));
            env.putAll(environment);
            return new PackagedApplication(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> env(String... keysAndValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            env.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return env;
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    public Process process() {
        return process;
    }

    /** Waits until {@code /actuator/health} answers UP; fails with the end of the log if the process dies first. */
    public PackagedApplication awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Http http = http();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("L'application s'est arrêtée (code " + process.exitValue() + ") :\n" + tail());
            }
            try {
                var health = http.get("/actuator/health");
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (UncheckedIOException notYetListening) {
                // the server is not listening yet
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("L'application n'a pas démarré en " + timeout + " :\n" + tail());
    }

    /** Waits for the process to end by itself and answers its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new AssertionError("L'application ne s'est pas arrêtée en " + timeout + " :\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The start time Spring Boot reported, in seconds. */
    public double reportedStartSeconds() {
        Matcher matcher = STARTED.matcher(output());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
    }

    /** Resident memory of the process, in MiB (Linux). */
    public long residentMemoryMiB() {
        try (Stream<String> status = Files.lines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            return status.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
                    .findFirst().orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many lines of the log so far contain this text. */
    public long linesContaining(String text) {
        return output().lines().filter(line -> line.contains(text)).count();
    }

    private String tail() {
        String output = output();
        return output.substring(Math.max(0, output.length() - 6000));
    }

    /** A graceful stop (SIGTERM), as a service manager does; forced after a minute. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path jar() {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("frais-de-justice-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("Pas de jar dans target/ : lancez mvn verify"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
