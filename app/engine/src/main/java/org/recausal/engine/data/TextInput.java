package org.recausal.engine.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a file's bytes as UTF-8 text: gunzips it when its first bytes are the gzip magic (whatever its name), skips a
 * UTF-8 byte order mark, and refuses files that are not text with a message saying what they look like. The first
 * bytes are kept as a sample for sniffing and then served again, so the file is read once.
 */
final class TextInput implements AutoCloseable {

    static final int SAMPLE_BYTES = 1 << 20;
    private static final int CHECKED_BYTES = 1 << 16;

    private final CountingStream raw;
    private final InputStream text;
    private final byte[] sample;
    private final int sampleLength;
    private final boolean complete;
    private final long fileSize;

    /** Takes over {@code in}, closing it with this input. */
    TextInput(InputStream in, long size, String source) throws IOException {
        fileSize = size;
        raw = new CountingStream(in);
        InputStream decoded = null;
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(4);
            byte[] magic = buffered.readNBytes(4);
            buffered.reset();
            decoded = buffered;
            if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
                decoded = new GZIPInputStream(buffered, 1 << 16);
                if (Runtime.getRuntime().availableProcessors() > 1) {
                    decoded = new ReadAheadStream(decoded, source);
                }
            } else {
                refuseKnownBinary(magic, source);
            }
            byte[] head = decoded.readNBytes(SAMPLE_BYTES);
            complete = head.length < SAMPLE_BYTES;
            int skip = checkText(head, source);
            sample = head;
            sampleLength = head.length - skip;
            text = new SequenceInputStream(new ByteArrayInputStream(head, skip, sampleLength), decoded);
        } catch (IOException | RuntimeException e) {
            if (decoded != null) {
                decoded.close();
            }
            raw.close();
            throw e;
        }
    }

    /** The text, from its first byte after any BOM, sample included. */
    InputStream text() {
        return text;
    }

    /** The sample's bytes start at {@link #sampleOffset()}. */
    byte[] sample() {
        return sample;
    }

    int sampleOffset() {
        return sample.length - sampleLength;
    }

    int sampleLength() {
        return sampleLength;
    }

    /** Whether the sample is the whole text. */
    boolean complete() {
        return complete;
    }

    /** Share of the file read so far (of the compressed bytes for a gzip file). */
    double fraction() {
        return fileSize == 0 ? 1 : Math.min(1, (double) raw.count / fileSize);
    }

    long bytesRead() {
        return raw.count;
    }

    /** Closes the text (stopping any read-ahead thread) and the file. */
    @Override
    public void close() throws IOException {
        try {
            text.close();
        } finally {
            raw.close();
        }
    }

    private static void refuseKnownBinary(byte[] magic, String source) {
        if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            throw new DataImportException(source + " is a ZIP archive (an Excel .xlsx workbook is one too), not text; "
                    + "unpack it, or save the sheet as CSV, and import that");
        }
        if (magic.length >= 4 && magic[0] == '%' && magic[1] == 'P' && magic[2] == 'D' && magic[3] == 'F') {
            throw new DataImportException(source + " is a PDF document, not a table in text form");
        }
    }

    /** Checks the first bytes look like UTF-8 text; returns the length of a BOM to skip. */
    private static int checkText(byte[] head, String source) {
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            throw new DataImportException(source + " is UTF-16 text; save it as UTF-8 and import it again");
        }
        int checked = Math.min(head.length, CHECKED_BYTES);
        int control = 0;
        for (int i = 0; i < checked; i++) {
            int b = head[i] & 0xFF;
            if (b == 0) {
                throw new DataImportException(source + " is not a text file (it holds zero bytes near offset " + i
                        + "); import a delimited text file such as CSV or TSV");
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        if (control > checked / 20) {
            throw new DataImportException(source + " is not a text file (" + control + " of its first " + checked
                    + " bytes are control characters); import a delimited text file such as CSV or TSV");
        }
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        return bom ? 3 : 0;
    }

    /** Counts the bytes taken from the file, for progress (possibly on a read-ahead thread). */
    private static final class CountingStream extends FilterInputStream {
        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
