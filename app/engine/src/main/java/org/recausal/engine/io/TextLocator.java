package org.recausal.engine.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where something sits in a text that a library parsed for us (GraphML, DOT), so errors found
 * after parsing, such as a cycle, can still name a line and column.
 */
final class TextLocator {
    private final String text;

    TextLocator(String text) {
        this.text = text;
    }

    /** The position of the first match of {@code regex}, or {@link TextPosition#UNKNOWN}. */
    TextPosition find(String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? at(m.start()) : TextPosition.UNKNOWN;
    }

    TextPosition at(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new TextPosition(line, offset - lineStart + 1);
    }
}
