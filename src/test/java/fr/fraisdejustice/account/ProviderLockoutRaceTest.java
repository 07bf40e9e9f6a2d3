package fr.fraisdejustice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import fr.fraisdejustice.support.Http;
import fr.fraisdejustice.support.IntegrationTest;

/** Wrong passwords sent all at once are all counted: the lock holds, and a right password racing them gets no way in. */
@IntegrationTest
class ProviderLockoutRaceTest {

    @Autowired
    Providers providers;

    @Autowired
    AccountRepository accounts;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void twentyParallelWrongPasswordsLockTheAccountAndTheRightOneIsThenRefused() {
        Providers.Provider provider = providers.withOwnStructure();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<CompletableFuture<Integer>> attempts = IntStream.range(0, 20).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> http.send(http.request("/api/me").header("Authorization",
                            Http.basic(provider.email(), "Mauvais-Mot-" + i))).statusCode(), pool)).toList();
            List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnly(401, 423).contains(423);
        } finally {
            pool.shutdownNow();
        }

        assertThat(http.send(http.request("/api/me").header("Authorization", provider.basic())).statusCode())
                .isEqualTo(423);
        assertThat(accounts.findById(provider.accountId()).orElseThrow().lockedUntil()).isNotNull();
    }

    @Test
    void aRightPasswordRacingWrongOnesNeverSlipsThroughTheLock() {
        Providers.Provider provider = providers.withOwnStructure();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Integer>> wrong = IntStream.range(0, 9).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> http.send(http.request("/api/me").header("Authorization",
                            Http.basic(provider.email(), "Mauvais-Mot-" + i))).statusCode(), pool)).toList();
            wrong.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
        var right = http.send(http.request("/api/me").header("Authorization", provider.basic()));

        assertThat(right.statusCode()).as("locked by the fifth failure, however they interleaved").isEqualTo(423);
    }
}
