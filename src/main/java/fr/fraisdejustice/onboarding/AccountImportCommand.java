package fr.fraisdejustice.onboarding;

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
 * {@code java -jar frais-de-justice.jar --import-accounts=anciens-comptes.csv}: imports the file, prints the report and
 * stops (exit code 0 when no row was refused, 2 otherwise). The activation mails go out when the application next runs.
 */
@Component
@Order(100)
class AccountImportCommand implements ApplicationRunner {

    static final String OPTION = "import-accounts";
    private static final Logger LOG = LoggerFactory.getLogger(AccountImportCommand.class);

    private final AccountImport accountImport;
    private final ConfigurableApplicationContext context;

    AccountImportCommand(AccountImport accountImport, ConfigurableApplicationContext context) {
        this.accountImport = accountImport;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(OPTION)) {
            return;
        }
        Path file = Path.of(args.getOptionValues(OPTION).get(0));
        AccountImport.Report report;
        try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            report = accountImport.run(csv);
        }
        LOG.info("Import de {} : {} lignes, {} importées, {} inchangées, {} refusées", file, report.rows(),
                report.imported(), report.unchanged(), report.refused().size());
        report.refused().forEach(r -> LOG.warn("Ligne {} ({}) refusée : {}", r.line(), r.loginEmail(), r.reason()));
        int code = report.refused().isEmpty() ? 0 : 2;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
