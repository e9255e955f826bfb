package org.recausal.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits delimited text into records and fields, RFC 4180 style: a field in double quotes may hold delimiters,
 * line breaks and doubled quotes. Works on UTF-8 bytes: the delimiter, quote and line breaks are ASCII, and UTF-8
 * never uses ASCII byte values inside a multi-byte character, so no decoding is needed to split.
 *
 * <p>Fields are found in place, in the read buffer: an unquoted field is a span of it, and a quoted field is
 * unescaped where it lies (a doubled quote only ever shortens it), so splitting copies nothing. A record cut by the
 * end of the buffer is moved to its start before more is read; a record longer than the buffer grows it.
 *
 * <p>Lenient where a file is slightly off: a quote inside an unquoted field and text after a closing quote are
 * kept as ordinary characters. Lines may end in LF, CRLF or CR.
 */
final class RecordTokenizer {

    private static final byte QUOTE = '"';

    private final InputStream in;
    private final byte delimiter;
    private byte[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean skipLineFeed;

    /** Where the current record starts in the buffer; bytes before it may be overwritten. */
    private int recordStart;
    private int[] fieldStarts = new int[16];
    private int[] fieldEnds = new int[16];
    private boolean[] fieldQuoted = new boolean[16];
    private int fieldCount;

    private long nextLine = 1;
    private long recordLine;
    private boolean unclosedQuote;

    RecordTokenizer(InputStream in, char delimiter, int bufferSize) {
        this.in = in;
        this.delimiter = (byte) delimiter;
        this.buffer = new byte[Math.max(1, bufferSize)];
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException {
        fieldCount = 0;
        unclosedQuote = false;
        recordStart = position;
        if (skipLineFeed) {
            skipLineFeed = false;
            if (position >= limit) {
                position -= more();
            }
            if (position < limit && buffer[position] == '\n') {
                position++;
                recordStart = position;
            }
        }
        if (position >= limit) {
            position -= more();
            if (position >= limit) {
                return false;
            }
        }
        recordLine = nextLine;
        int pos = position;
        while (true) {
            if (pos >= limit) {
                pos -= more();
                if (pos >= limit) {
                    // The input ends right after a delimiter: the record's last field is empty.
                    addField(pos, pos, false);
                    position = pos;
                    return true;
                }
            }
            pos = buffer[pos] == QUOTE ? quotedField(pos + 1) : unquotedField(pos);
            if (pos < 0) {
                return true;
            }
        }
    }

    /**
     * Reads an unquoted field starting at {@code pos}. Returns where the next field starts, or -1 when the field
     * ended the record (then {@link #position} is set past it).
     */
    private int unquotedField(int pos) throws IOException {
        final byte delim = delimiter;
        int start = pos;
        while (true) {
            byte[] buf = buffer;
            int lim = limit;
            while (pos < lim) {
                byte c = buf[pos];
                if (c == delim) {
                    addField(start, pos, false);
                    return pos + 1;
                }
                if (c == '\n' || c == '\r') {
                    addField(start, pos, false);
                    endRecord(c, pos + 1);
                    return -1;
                }
                pos++;
            }
            int shift = more();
            pos -= shift;
            start -= shift;
            if (pos >= limit) {
                addField(start, pos, false);
                position = pos;
                return -1;
            }
        }
    }

    /**
     * Reads a quoted field whose content starts at {@code pos} (after the opening quote), unescaping it in place.
     * Returns where the next field starts, or -1 when the field ended the record.
     */
    private int quotedField(int pos) throws IOException {
        int start = pos;
        int write = pos;
        while (true) {
            if (pos >= limit) {
                int shift = more();
                pos -= shift;
                start -= shift;
                write -= shift;
                if (pos >= limit) {
                    unclosedQuote = true;
                    addField(start, write, true);
                    position = pos;
                    return -1;
                }
            }
            byte c = buffer[pos++];
            if (c != QUOTE) {
                if (c == '\n') {
                    nextLine++;
                }
                buffer[write++] = c;
                continue;
            }
            if (pos >= limit) {
                int shift = more();
                pos -= shift;
                start -= shift;
                write -= shift;
                if (pos >= limit) {
                    addField(start, write, true);
                    position = pos;
                    return -1;
                }
            }
            byte after = buffer[pos];
            if (after == QUOTE) {
                buffer[write++] = QUOTE;
                pos++;
            } else if (after == delimiter) {
                addField(start, write, true);
                return pos + 1;
            } else if (after == '\n' || after == '\r') {
                addField(start, write, true);
                endRecord(after, pos + 1);
                return -1;
            } else {
                return textAfterQuote(start, write, pos);
            }
        }
    }

    /** Text after a closing quote is kept as it is, up to the field's end. */
    private int textAfterQuote(int start, int write, int pos) throws IOException {
        while (true) {
            if (pos >= limit) {
                int shift = more();
                pos -= shift;
                start -= shift;
                write -= shift;
                if (pos >= limit) {
                    addField(start, write, true);
                    position = pos;
                    return -1;
                }
            }
            byte c = buffer[pos];
            if (c == delimiter) {
                addField(start, write, true);
                return pos + 1;
            }
            if (c == '\n' || c == '\r') {
                addField(start, write, true);
                endRecord(c, pos + 1);
                return -1;
            }
            buffer[write++] = c;
            pos++;
        }
    }

    private void endRecord(byte lineBreak, int next) {
        nextLine++;
        skipLineFeed = lineBreak == '\r';
        position = next;
    }

    private void addField(int start, int end, boolean quoted) {
        if (fieldCount == fieldEnds.length) {
            fieldStarts = Arrays.copyOf(fieldStarts, fieldCount * 2);
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
            fieldQuoted = Arrays.copyOf(fieldQuoted, fieldCount * 2);
        }
        fieldStarts[fieldCount] = start;
        fieldEnds[fieldCount] = end;
        fieldQuoted[fieldCount] = quoted;
        fieldCount++;
    }

    /**
     * Moves the current record to the start of the buffer (growing it when the record fills it) and reads more
     * after it. Returns how far every index into the buffer moved down; no bytes were added when the input ended.
     */
    private int more() throws IOException {
        int shift = recordStart;
        if (shift > 0) {
            System.arraycopy(buffer, shift, buffer, 0, limit - shift);
            limit -= shift;
            recordStart = 0;
            for (int f = 0; f < fieldCount; f++) {
                fieldStarts[f] -= shift;
                fieldEnds[f] -= shift;
            }
        }
        if (endOfInput) {
            return shift;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int wanted = buffer.length - limit;
        int read = in.readNBytes(buffer, limit, wanted);
        limit += read;
        endOfInput = read < wanted;
        return shift;
    }

    int fieldCount() {
        return fieldCount;
    }

    /** The bytes all fields of the current record lie in; valid until the next call of {@link #next()}. */
    byte[] bytes() {
        return buffer;
    }

    int start(int field) {
        return fieldStarts[field];
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
        return fieldCount == 1 && fieldEnds[0] == fieldStarts[0] && !fieldQuoted[0];
    }

    String text(int field) {
        return new String(buffer, start(field), end(field) - start(field), StandardCharsets.UTF_8);
    }
}
