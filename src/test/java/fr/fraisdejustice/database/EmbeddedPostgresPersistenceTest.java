package fr.fraisdejustice.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The embedded default keeps its data in its data directory: a restart finds everything again. */
class EmbeddedPostgresPersistenceTest {

    @Test
    void aRestartOnTheSameDataDirectoryFindsTheData(@TempDir Path dataDirectory) throws Exception {
        try (EmbeddedPostgres first = EmbeddedPostgresServer.start(dataDirectory.toString());
             Connection connection = first.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("create table memo (text varchar(40))");
            sql.execute("insert into memo values ('toujours là')");
        }
        try (EmbeddedPostgres second = EmbeddedPostgresServer.start(dataDirectory.toString());
             Connection connection = second.getPostgresDatabase().getConnection();
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select text from memo")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("toujours là");
        }
    }
}
