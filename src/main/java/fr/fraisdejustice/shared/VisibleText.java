package fr.fraisdejustice.shared;

import java.io.IOException;
import java.util.OptionalInt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * Text that reaches our tables holds no character a reader cannot see and that changes what he reads: control
 * characters (NUL among them, which PostgreSQL refuses), bidirectional overrides and isolates (an « RTL override » turns
 * « fdp.exe » into « exe.pdf »), zero-width spaces and word joiners, byte-order marks, lone surrogates. Tab and line
 * breaks stay, and so do the zero-width joiner and non-joiner, which some scripts need to spell names.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** The first character that has no place in a text we keep, if any. */
    public static OptionalInt firstHidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            if (isHidden(c)) {
                return OptionalInt.of(c);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean isHidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
                || c == 0x061C || c == 0x200B || c == 0x2060 || c == 0xFEFF
                || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF;
    }

    /** Every JSON string the API reads goes through this check, so no endpoint can forget it. */
    static final class Deserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null) {
                OptionalInt hidden = firstHidden(value);
                if (hidden.isPresent()) {
                    throw new HiddenCharacterException(parser, value, hidden.getAsInt());
                }
            }
            return value;
        }
    }

    /** Named so that the API's error handler can say which character, in which field. */
    static final class HiddenCharacterException extends InvalidFormatException {

        final int character;

        HiddenCharacterException(JsonParser parser, String value, int character) {
            super(parser, "hidden character", value, String.class);
            this.character = character;
        }
    }
}
