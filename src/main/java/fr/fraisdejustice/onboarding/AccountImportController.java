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

/** The same imports for an administrator (Camunda administrators, HTTP Basic): the accounts first, then the mémoires. */
@RestController
@Tag(name = "Administration")
class AccountImportController {

    private final AccountImport accountImport;
    private final MemoireImport memoireImport;

    AccountImportController(AccountImport accountImport, MemoireImport memoireImport) {
        this.accountImport = accountImport;
        this.memoireImport = memoireImport;
    }

    @PostMapping("/api/admin/account-imports")
    @Operation(summary = "Importer les comptes du portail précédent, avec les coordonnées bancaires de leurs structures (CSV ; administrateurs)")
    AccountImport.Report importAccounts(@RequestPart("file") MultipartFile file) throws IOException {
        try (Reader csv = reader(file, "Joignez le fichier CSV des comptes à importer.")) {
            return accountImport.run(csv);
        }
    }

    @PostMapping("/api/admin/memoire-imports")
    @Operation(summary = "Importer les mémoires passés du portail précédent, après les comptes (CSV ; administrateurs)")
    MemoireImport.Report importMemoires(@RequestPart("file") MultipartFile file) throws IOException {
        try (Reader csv = reader(file, "Joignez le fichier CSV des mémoires à importer.")) {
            return memoireImport.run(csv);
        }
    }

    /** The upload is read as it arrives (Spring keeps a large one on disk), never loaded whole in memory. */
    private static Reader reader(MultipartFile file, String missing) throws IOException {
        if (file.isEmpty()) {
            throw DomainException.invalidField("file", "REQUIRED", missing);
        }
        return new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
    }
}
