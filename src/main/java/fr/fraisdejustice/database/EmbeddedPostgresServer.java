package fr.fraisdejustice.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The in-process PostgreSQL of the embedded default: one server per JVM, shared by every Spring context that leases it
 * and stopped when the last one closes, after its connection pool (never under a context that is still shutting down).
 * With a data directory it keeps its data across restarts; without one it starts on a throw-away directory.
 */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres server;
    private static int leases;

    private EmbeddedPostgresServer() {
    }

    public static synchronized EmbeddedPostgres acquire(String dataDirectory) {
        if (server == null) {
            server = start(dataDirectory);
        }
        leases++;
        return server;
    }

    public static synchronized void release() {
        if (leases > 0 && --leases == 0 && server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Arrêt de l'instance PostgreSQL embarquée impossible", e);
            } finally {
                server = null;
            }
        }
    }

    public static EmbeddedPostgres start(String dataDirectory) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8");
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                Path directory = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(directory);
                builder.setDataDirectory(directory).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("L'instance PostgreSQL embarquée n'a pas pu démarrer", e);
        }
    }
}
