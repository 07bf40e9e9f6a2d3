package fr.fraisdejustice.shared;

/**
 * Text that someone typed (a provider's complement, a ticket's description, a file or structure name…) made inert for
 * the {@code text} components of the Camunda Forms: they template {@code {{…}}} values into markdown, render it and keep
 * the HTML a sanitizer allows, so a typed {@code [lien](https://…)}, {@code **}, {@code <a>} or bare address would
 * become a link or markup. Every ASCII punctuation character becomes its numeric character reference ({@code [} →
 * {@code &#91;}): no markdown, HTML or autolink syntax is left, and the browser still shows the very characters typed.
 * Letters, digits and accented characters are kept as they are.
 */
public final class FormText {

    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private FormText() {
    }

    /** For one line of a form (a name, a title, a table cell): line breaks and runs of blanks become one space. */
    public static String inline(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                blank = out.length() > 0;
                continue;
            }
            if (blank) {
                out.append(' ');
                blank = false;
            }
            if (PUNCTUATION.indexOf(c) >= 0) {
                out.append("&#").append((int) c).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** For a text of several lines (a complement, a description): each line as {@link #inline}, joined by {@code <br>}. */
    public static String lines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (String line : text.split("\\R")) {
            String escaped = inline(line);
            if (!escaped.isEmpty()) {
                out.append(out.length() > 0 ? "<br>" : "").append(escaped);
            }
        }
        return out.toString();
    }
}
