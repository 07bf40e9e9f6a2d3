package fr.fraisdejustice.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormTextTest {

    /** What the browser shows for the escaped text: the character references read back. */
    private static String shown(String escaped) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#(\\d+);").matcher(escaped);
        int last = 0;
        while (m.find()) {
            out.append(escaped, last, m.start()).append((char) Integer.parseInt(m.group(1)));
            last = m.end();
        }
        return out.append(escaped.substring(last)).toString();
    }

    @Test
    void aMarkdownLinkKeepsNoCharacterThatMarkdownReads() {
        String escaped = FormText.inline("[lien](https://exemple.invalid)");

        assertThat(escaped).doesNotContain("[", "]", "(", ")", ":", "/", ".");
        assertThat(escaped).isEqualTo("&#91;lien&#93;&#40;https&#58;&#47;&#47;exemple&#46;invalid&#41;");
        assertThat(shown(escaped)).isEqualTo("[lien](https://exemple.invalid)");
    }

    @Test
    void htmlTemplatingAndEmphasisAreEscapedToo() {
        String escaped = FormText.inline("<a href=\"x\">**gras** _it_ {{memoire.number}} & `code` ~~barré~~ # titre | a |");

        assertThat(escaped.replaceAll("&#\\d+;", "")).doesNotContain("<", ">", "\"", "*", "_", "{", "}", "`", "~", "#", "|", "&");
        assertThat(shown(escaped)).isEqualTo("<a href=\"x\">**gras** _it_ {{memoire.number}} & `code` ~~barré~~ # titre | a |");
    }

    @Test
    void bareAddressesAndMailAddressesCannotBecomeAutolinks() {
        assertThat(FormText.inline("www.exemple.invalid")).isEqualTo("www&#46;exemple&#46;invalid");
        assertThat(FormText.inline("jean@exemple.invalid")).isEqualTo("jean&#64;exemple&#46;invalid");
    }

    @Test
    void lettersDigitsAndAccentsAreKeptAndBlanksFolded() {
        assertThat(FormText.inline("  Cabinet   Élodie Müller\t2026 ")).isEqualTo("Cabinet Élodie Müller 2026");
        assertThat(FormText.inline("une\nligne")).isEqualTo("une ligne");
        assertThat(FormText.inline(null)).isEmpty();
    }

    @Test
    void aTextOfSeveralLinesKeepsItsLinesAsBreaksAndNoBlankLineThatWouldEndAnHtmlBlock() {
        String escaped = FormText.lines("Bonjour,\r\n\r\n    1. voir la pièce\n- fin");

        assertThat(escaped).isEqualTo("Bonjour&#44;<br>1&#46; voir la pièce<br>&#45; fin");
        assertThat(escaped).doesNotContain("\n");
        assertThat(FormText.lines(null)).isEmpty();
    }
}
