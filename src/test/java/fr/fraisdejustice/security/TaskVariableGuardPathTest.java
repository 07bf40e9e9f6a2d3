package fr.fraisdejustice.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard reads a path as JAX-RS routes it, so a disguised completion or variable write is still recognised. */
class TaskVariableGuardPathTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/engine-rest/task/abc/complete,                        /engine-rest/task/abc/complete",
            "/engine-rest/task/abc/complete;x=y,                    /engine-rest/task/abc/complete",
            "/engine-rest//task/abc/complete,                       /engine-rest/task/abc/complete",
            "/engine-rest/task/abc/%63omplete,                      /engine-rest/task/abc/complete",
            "/engine-rest/process-instance/1/variables;a/office,    /engine-rest/process-instance/1/variables/office",
    })
    void aDisguisedPathIsReadAsTheEngineRoutesIt(String raw, String routed) {
        assertThat(TaskVariableGuard.normalized(raw)).isEqualTo(routed);
    }
}
