package fr.fraisdejustice.drills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import fr.fraisdejustice.support.PackagedApplication;

/**
 * A PostgreSQL server of the machine's own installation (Debian's /usr/lib/postgresql/N/bin), with its pg_dump and
 * pg_restore of the same major version: the embedded default's binaries have no client tools, and a pg_dump refuses a
 * server newer than itself. Run as the postgres user (initdb refuses root), on a free port, its data under target/.
 */
final class ClusterPostgres implements AutoCloseable {

    static final Path BIN = Path.of(System.getenv().getOrDefault("FDJ_DRILL_PG_BIN", "/usr/lib/postgresql/15/bin"));

    private final Path data;
    private final int port;

    private ClusterPostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static ClusterPostgres start(String name) throws Exception {
        if (!Files.isExecutable(BIN.resolve("pg_dump"))) {
            throw new AssertionError("Pas de pg_dump dans " + BIN + " : installez postgresql-15 (apt-get install "
                    + "postgresql-15) ou donnez le dossier des binaires dans FDJ_DRILL_PG_BIN");
        }
        Path root = Path.of("target", "drills", name).toAbsolutePath();
        run(List.of("rm", "-rf", root.toString()));
        Files.createDirectories(root);
        run(List.of("chown", "postgres", root.toString()));
        ClusterPostgres server = new ClusterPostgres(root.resolve("data"), PackagedApplication.freePort());
        server.asPostgres(BIN.resolve("initdb").toString(), "-D", server.data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        server.asPostgres(BIN.resolve("pg_ctl").toString(), "-D", server.data.toString(), "-w", "-l",
                root.resolve("server.log").toString(), "-o", "-p " + server.port + " -k " + root
                        + " -c listen_addresses=127.0.0.1 -c max_connections=200", "start");
        return server;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String version() throws Exception {
        return asPostgres(BIN.resolve("postgres").toString(), "--version").trim();
    }

    void createDatabase(String name) throws Exception {
        asPostgres(BIN.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", name);
    }

    /** pg_dump in its custom format (compressed, restorable table by table). */
    void dump(String database, Path file) throws Exception {
        asPostgres(BIN.resolve("pg_dump").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "-Fc", "-f", file.toString(), database);
    }

    void restore(Path file, String database) throws Exception {
        asPostgres(BIN.resolve("pg_restore").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres",
                "--no-owner", "--exit-on-error", "-d", database, file.toString());
    }

    @Override
    public void close() throws Exception {
        asPostgres(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    private String asPostgres(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        return run(full);
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " a échoué :\n" + output);
        }
        return output;
    }
}
