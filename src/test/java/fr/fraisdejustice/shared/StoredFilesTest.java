package fr.fraisdejustice.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

class StoredFilesTest {

    @Test
    void aPdfOrAnImageOpensInTheBrowserWithItsNameEncodedForAnyLanguage() {
        ResponseEntity<byte[]> pdf = StoredFiles.response("réquisition n°2 (copie).pdf", "application/pdf", new byte[] {1});

        assertThat(pdf.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename*=UTF-8''r%C3%A9quisition%20n%C2%B02%20%28copie%29.pdf");
        assertThat(pdf.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(pdf.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(StoredFiles.response("scan.png", "image/png", new byte[] {1}).getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("inline; filename*=UTF-8''scan.png");
        assertThat(StoredFiles.response("scan.jpg", "image/jpeg", new byte[] {1}).getHeaders().getFirst("Content-Disposition"))
                .startsWith("inline;");
    }

    @Test
    void aTiffThatBrowsersDoNotShowIsDownloaded() {
        assertThat(StoredFiles.response("bordereau.tif", "image/tiff", new byte[] {1}).getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename*=UTF-8''bordereau.tif");
    }

    @Test
    void aQuoteOrALineBreakInTheNameCannotBreakTheHeader() {
        assertThat(StoredFiles.disposition("a\";\r\nb.pdf", true)).isEqualTo("inline; filename*=UTF-8''a%22%3B%0D%0Ab.pdf");
    }
}
