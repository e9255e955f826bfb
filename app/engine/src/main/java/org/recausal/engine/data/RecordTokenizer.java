package org.recausal.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits delimited text into records and fields, RFC 4180 style: a field in double quotes may hold delimiters,
 * line breaks and doubled quotes. Works on UTF-8 bytes: the delimiter, quote and line breaks are ASCII, and UTF-8
 * never uses ASCII byte values inside a multi-byte character, so no decoding is needed to split. Each record's
 * unquoted field contents are copied into one reused buffer.
 *
 * <p>Lenient where a file is slightly off: a quote inside an unquoted field and text after a closing quote are
 * kept as ordinary characters. Lines may end in LF, CRLF or CR.
 */
final class RecordTokenizer {

    private static final byte QUOTE = '"';
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final InputStream in;
    private final byte delimiter;
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean skipLineFeed;

    private byte[] record = new byte[256];
    private int recordLength;
    private int[] fieldEnds = new int[16];
    private boolean[] fieldQuoted = new boolean[16];
    private int fieldCount;
    private boolean currentQuoted;

    private long nextLine = 1;
    private long recordLine;
    private boolean unclosedQuote;

    RecordTokenizer(InputStream in, char delimiter, int bufferSize) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.buffer = new byte[bufferSize];
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        fieldCount = 0;
        recordLength = 0;
        currentQuoted = false;
        unclosedQuote = false;
        if (skipLineFeed) {
            skipLineFeed = false;
            if (position < limit || fill()) {
                if (buffer[position] == '\n') {
                    position++;
                }
            }
        }
        if (position >= limit && !fill()) {
            return false;
        }
        recordLine = nextLine;
        final byte delim = delimiter;
        byte[] buf = buffer;
        int pos = position;
        int lim = limit;
        int state = FIELD_START;
        while (true) {
            if (pos >= lim) {
                position = pos;
                if (!fill()) {
                    unclosedQuote = state == QUOTED;
                    endField();
                    return true;
                }
                pos = position;
                lim = limit;
            }
            byte c = buf[pos++];
            switch (state) {
                case FIELD_START:
                    if (c == QUOTE) {
                        state = QUOTED;
                        currentQuoted = true;
                        continue;
                    }
                    state = UNQUOTED;
                    // an unquoted field: handle c below
                case UNQUOTED:
                    if (c == delim) {
                        endField();
                        state = FIELD_START;
                    } else if (c == '\n' || c == '\r') {
                        endRecord(c);
                        position = pos;
                        return true;
                    } else {
                        append(c);
                    }
                    break;
                case QUOTED:
                    if (c == QUOTE) {
                        state = QUOTE_IN_QUOTED;
                    } else {
                        if (c == '\n') {
                            nextLine++;
                        }
                        append(c);
                    }
                    break;
                default: // QUOTE_IN_QUOTED: a doubled quote, or the end of the quoted part
                    if (c == QUOTE) {
                        append(c);
                        state = QUOTED;
                    } else if (c == delim) {
                        endField();
                        state = FIELD_START;
                    } else if (c == '\n' || c == '\r') {
                        endRecord(c);
                        position = pos;
                        return true;
                    } else {
                        append(c);
                        state = UNQUOTED;
                    }
            }
        }
    }

    private void endRecord(byte lineBreak) {
        nextLine++;
        skipLineFeed = lineBreak == '\r';
        endField();
    }

    private void endField() {
        if (fieldCount == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
            fieldQuoted = Arrays.copyOf(fieldQuoted, fieldCount * 2);
        }
        fieldEnds[fieldCount] = recordLength;
        fieldQuoted[fieldCount] = currentQuoted;
        fieldCount++;
        currentQuoted = false;
    }

    private void append(byte c) {
        if (recordLength == record.length) {
            record = Arrays.copyOf(record, record.length * 2);
        }
        record[recordLength++] = c;
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = read;
        if (read < buffer.length) {
            endOfInput = true;
        }
        return read > 0;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The bytes all fields of the current record lie in. */
    byte[] bytes() {
        return record;
    }

    int start(int field) {
        return field == 0 ? 0 : fieldEnds[field - 1];
    }

    int end(int field) {
        return fieldEnds[field];
    }

    boolean quoted(int field) {
        return fieldQuoted[field];
    }

    /** 1-based line where the current record starts. */
    long line() {
        return recordLine;
    }

    /** Whether the current record ended inside an open quote (at the end of the input). */
    boolean unclosedQuote() {
        return unclosedQuote;
    }

    /** Whether the current record is an empty line. */
    boolean blankLine() {
        return fieldCount == 1 && recordLength == 0 && !fieldQuoted[0];
    }

    String text(int field) {
        return new String(record, start(field), end(field) - start(field), java.nio.charset.StandardCharsets.UTF_8);
    }
}
