package fr.fraisdejustice.models;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who changed the models live, when and why (table {@code model_deployment}, V35). */
@Component
class DeploymentRecords {

    enum Kind { LIVE, ROLLBACK, START }

    record DeploymentRecord(String deploymentId, Kind kind, String deployedBy, Instant deployedAt, String reason,
                            List<String> resources) {
    }

    private final JdbcClient jdbc;

    DeploymentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(DeploymentRecord record) {
        jdbc.sql("""
                        insert into model_deployment (deployment_id, kind, deployed_by, deployed_at, reason, resources)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(record.deploymentId(), record.kind().name(), record.deployedBy(), Timestamp.from(record.deployedAt()),
                        record.reason(), String.join("\n", record.resources()))
                .update();
    }

    Map<String, DeploymentRecord> all() {
        return jdbc.sql("select deployment_id, kind, deployed_by, deployed_at, reason, resources from model_deployment")
                .query((rs, row) -> new DeploymentRecord(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), Arrays.asList(rs.getString(6).split("\n"))))
                .list().stream().collect(Collectors.toMap(DeploymentRecord::deploymentId, Function.identity()));
    }
}
