package fr.fraisdejustice.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import fr.fraisdejustice.support.Multipart;

/** The hostile files of the corpus, made on demand: bombs, disguises and polyglots. */
final class HostileFiles {

    private HostileFiles() {
    }

    static byte[] make(String name) {
        return switch (name) {
            case "pdf" -> Multipart.pdf();
            case "zipBomb" -> zipBomb();
            case "pdfBomb" -> pdfBomb();
            case "exe" -> ascii("MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000This program cannot be run in DOS mode.");
            case "html" -> ascii("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
            case "svg" -> ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
            case "pdfHtmlPolyglot" -> ascii("%PDF-1.4\n%<html><script>alert(1)</script></html>\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF");
            case "pngHeaderOnly" -> new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
            case "empty" -> new byte[0];
            case "xxe" -> ascii("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<depotFlux xmlns=\"http://fraisdejustice.fr/depot-flux/1\">&x;</depotFlux>");
            case "billionLaughs" -> ascii("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
                    + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
                    + "<depotFlux xmlns=\"http://fraisdejustice.fr/depot-flux/1\">&c;</depotFlux>");
            case "notXml" -> ascii("structureId;jurisdictionCode\n1;TJ75101\n");
            default -> throw new IllegalArgumentException("no hostile file named " + name);
        };
    }

    /** 50 MB of zeros in a few dozen kilobytes, named like a document. */
    private static byte[] zipBomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("facture.pdf"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 50; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A real PDF whose one stream inflates to 100 MB: harmless as long as nobody inflates it. */
    private static byte[] pdfBomb() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(stream, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 100; i++) {
                deflate.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n3 0 obj << /Length " + stream.size()
                + " /Filter /FlateDecode >>\nstream\n"));
        pdf.writeBytes(stream.toByteArray());
        pdf.writeBytes(ascii("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
        return pdf.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
