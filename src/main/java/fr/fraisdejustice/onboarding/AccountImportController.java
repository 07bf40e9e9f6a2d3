package fr.fraisdejustice.onboarding;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import fr.fraisdejustice.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The same import for an administrator (Camunda administrators, HTTP Basic). */
@RestController
@Tag(name = "Administration")
class AccountImportController {

    private final AccountImport accountImport;

    AccountImportController(AccountImport accountImport) {
        this.accountImport = accountImport;
    }

    @PostMapping("/api/admin/account-imports")
    @Operation(summary = "Importer les comptes du portail précédent (CSV ; administrateurs)")
    AccountImport.Report importAccounts(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalidField("file", "REQUIRED", "Joignez le fichier CSV des comptes à importer.");
        }
        try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            return accountImport.run(csv);
        }
    }
}
