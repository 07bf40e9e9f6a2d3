package fr.fraisdejustice.onboarding;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar frais-de-justice.jar --import-accounts=anciens-comptes.csv --import-memoires=anciens-memoires.csv}
 * (either or both; the accounts first, as they create the structures the mémoires belong to): imports each file, prints
 * its report and stops (exit code 0 when no row was refused, 2 otherwise). The activation mails go out when the
 * application next runs.
 */
@Component
@Order(100)
class AccountImportCommand implements ApplicationRunner {

    static final String OPTION = "import-accounts";
    static final String MEMOIRES_OPTION = "import-memoires";
    private static final Logger LOG = LoggerFactory.getLogger(AccountImportCommand.class);

    private final AccountImport accountImport;
    private final MemoireImport memoireImport;
    private final ConfigurableApplicationContext context;

    AccountImportCommand(AccountImport accountImport, MemoireImport memoireImport, ConfigurableApplicationContext context) {
        this.accountImport = accountImport;
        this.memoireImport = memoireImport;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(OPTION) && !args.containsOption(MEMOIRES_OPTION)) {
            return;
        }
        boolean refused = false;
        if (args.containsOption(OPTION)) {
            Path file = Path.of(args.getOptionValues(OPTION).get(0));
            AccountImport.Report report;
            try (Reader csv = open(file)) {
                report = accountImport.run(csv);
            }
            LOG.info("Import des comptes de {} : {}", file, report.summary());
            report.refused().forEach(r -> LOG.warn("Ligne {} ({}) refusée : {}", r.line(), r.loginEmail(), r.reason()));
            refused = !report.refused().isEmpty();
        }
        if (args.containsOption(MEMOIRES_OPTION)) {
            Path file = Path.of(args.getOptionValues(MEMOIRES_OPTION).get(0));
            MemoireImport.Report report;
            try (Reader csv = open(file)) {
                report = memoireImport.run(csv);
            }
            LOG.info("Import des mémoires de {} : {}", file, report.summary());
            report.refused().forEach(r -> LOG.warn("Ligne {} ({}) refusée : {}", r.line(), r.formerNumber(), r.reason()));
            refused |= !report.refused().isEmpty();
        }
        int code = refused ? 2 : 0;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    private static Reader open(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }
}
