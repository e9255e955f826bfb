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

    /** Scan state of a quoted field: the next byte, the field's start, where its unescaped bytes go. */
    private int scan;
    private int scanStart;
    private int scanWrite;

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
     * Reads a quoted field whose content starts at {@code pos} (after the opening quote), unescaping it in place;
     * text after the closing quote is kept as it is, up to the field's end. Returns where the next field starts,
     * or -1 when the field ended the record.
     */
    private int quotedField(int pos) throws IOException {
        scan = pos;
        scanStart = pos;
        scanWrite = pos;
        boolean open = true;
        while (true) {
            if (!available()) {
                unclosedQuote = open;
                return endField(-1, scan);
            }
            byte c = buffer[scan];
            if (!open) {
                if (c == delimiter) {
                    return endField(scan + 1, scan);
                }
                if (c == '\n' || c == '\r') {
                    return endField(-1, scan);
                }
                buffer[scanWrite++] = c;
                scan++;
                continue;
            }
            scan++;
            if (c != QUOTE) {
                if (c == '\n') {
                    nextLine++;
                }
                buffer[scanWrite++] = c;
            } else if (!available()) {
                return endField(-1, scan);
            } else if (buffer[scan] == QUOTE) {
                buffer[scanWrite++] = QUOTE;
                scan++;
            } else {
                open = false;
            }
        }
    }

    /** Whether a byte is there at {@link #scan}, reading more when needed (which moves the scan indexes). */
    private boolean available() throws IOException {
        if (scan < limit) {
            return true;
        }
        int shift = more();
        scan -= shift;
        scanStart -= shift;
        scanWrite -= shift;
        return scan < limit;
    }

    /**
     * Ends the quoted field being scanned at the byte {@code at} (a delimiter, a line break, or the end); returns
     * {@code next}, or -1 when the field ended the record.
     */
    private int endField(int next, int at) {
        addField(scanStart, scanWrite, true);
        if (next >= 0) {
            return next;
        }
        if (at < limit && (buffer[at] == '\n' || buffer[at] == '\r')) {
            endRecord(buffer[at], at + 1);
        } else {
            position = at;
        }
        return -1;
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
