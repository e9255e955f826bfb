package org.recausal.engine.io;

import java.util.function.IntPredicate;

/**
 * A cursor over a text that tracks line and column, shared by the hand-written parsers (DAGitty, GML,
 * BIF) so every syntax error names where it happened.
 */
final class TextScanner {
    /** Which comment syntaxes the format has. */
    enum Comments { SLASH_AND_HASH, SLASH, HASH }

    private final String text;
    private final Comments comments;
    private int offset;
    private int line = 1;
    private int column = 1;

    TextScanner(String text, Comments comments) {
        this.text = text;
        this.comments = comments;
    }

    TextPosition position() {
        return new TextPosition(line, column);
    }

    boolean atEnd() {
        return offset >= text.length();
    }

    char peek() {
        return atEnd() ? '\0' : text.charAt(offset);
    }

    /** Matches {@code pattern} at the cursor without consuming anything; null when it does not match. */
    java.util.regex.Matcher match(java.util.regex.Pattern pattern) {
        java.util.regex.Matcher matcher = pattern.matcher(text).region(offset, text.length());
        return matcher.lookingAt() ? matcher : null;
    }

    boolean lookingAt(String token) {
        return text.startsWith(token, offset);
    }

    /** Consumes {@code token} when the text continues with it. */
    boolean accept(String token) {
        if (!lookingAt(token)) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            advance();
        }
        return true;
    }

    void expect(String token) {
        skipSpace();
        if (!accept(token)) {
            throw error("expected '" + token + "' but found " + describeNext());
        }
    }

    char advance() {
        char c = text.charAt(offset++);
        if (c == '\n') {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }

    /** Consumes and returns the next {@code length} characters. */
    String take(int length) {
        int start = offset;
        for (int i = 0; i < length; i++) {
            advance();
        }
        return text.substring(start, offset);
    }

    String readWhile(IntPredicate accepted) {
        int start = offset;
        while (!atEnd() && accepted.test(peek())) {
            advance();
        }
        return text.substring(start, offset);
    }

    /** Reads a double-quoted string; a backslash escapes the next character, a backslash-newline continues it. */
    String readQuoted() {
        TextPosition start = position();
        advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw start.error("this quoted text is never closed");
            }
            char c = advance();
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\' && !atEnd()) {
                char escaped = advance();
                if (escaped == 'n') {
                    value.append('\n');
                } else if (escaped != '\n' && escaped != '\r') {
                    value.append(escaped);
                }
            } else {
                value.append(c);
            }
        }
    }

    /** Skips whitespace and comments of this format. */
    void skipSpace() {
        while (!atEnd()) {
            char c = peek();
            if (Character.isWhitespace(c)) {
                advance();
            } else if (comments != Comments.HASH && lookingAt("//") || comments != Comments.SLASH && c == '#') {
                readWhile(ch -> ch != '\n');
            } else if (comments != Comments.HASH && lookingAt("/*")) {
                TextPosition start = position();
                while (!accept("*/")) {
                    if (atEnd()) {
                        throw start.error("this comment is never closed with */");
                    }
                    advance();
                }
            } else {
                return;
            }
        }
    }

    /** The next token, quoted, for error messages; "the end of the text" at the end. */
    String describeNext() {
        if (atEnd()) {
            return "the end of the text";
        }
        int end = offset;
        if (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_') {
            while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                end++;
            }
        } else {
            end++;
        }
        return "'" + text.substring(offset, end) + "'";
    }

    GraphParseException error(String reason) {
        return position().error(reason);
    }
}
