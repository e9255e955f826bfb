package org.recausal.desktop.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * What the import dialog tells about a file's bytes: gzip or not, a UTF-8 byte order mark, and whether its first
 * part is valid UTF-8. The reader decodes UTF-8 only; a file in Latin-1 or Windows-1252 would import with
 * replacement characters in its labels, so the dialog warns instead of letting that pass unseen.
 *
 * @param invalidOffset offset (in the decompressed text) of the first byte that is not UTF-8, or -1
 */
public record TextEncoding(boolean gzip, boolean bom, long invalidOffset, int invalidByte) {

    /** How much of the text is checked; enough for the preview and the sniffing, cheap for a huge file. */
    static final int CHECKED_BYTES = 1 << 20;

    public static TextEncoding of(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int first = raw.read();
            int second = raw.read();
            raw.reset();
            boolean gzip = first == 0x1F && second == 0x8B;
            InputStream text = gzip ? new GZIPInputStream(raw) : raw;
            byte[] head = text.readNBytes(CHECKED_BYTES);
            return check(gzip, head, head.length < CHECKED_BYTES);
        } catch (java.util.zip.ZipException e) {
            throw new IOException("the file starts like gzip but is damaged: " + e.getMessage(), e);
        }
    }

    /** @param complete whether {@code head} is the whole text (else a character cut at its end is not an error) */
    static TextEncoding check(boolean gzip, byte[] head, boolean complete) {
        boolean bom = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF;
        int end = complete ? head.length : lastCompleteCharacter(head);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(head, 0, end);
        CharBuffer chars = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError()) {
                int offset = bytes.position();
                return new TextEncoding(gzip, bom, offset, head[offset] & 0xFF);
            }
            if (result.isUnderflow()) {
                return new TextEncoding(gzip, bom, -1, 0);
            }
            chars.clear();
        }
    }

    public boolean validUtf8() {
        return invalidOffset < 0;
    }

    /** E.g. "UTF-8, gzip-compressed" or "UTF-8 with byte order mark". */
    public String description() {
        String text = validUtf8() ? "UTF-8" : "not UTF-8";
        if (bom) {
            text += " with byte order mark";
        }
        return gzip ? text + ", gzip-compressed" : text;
    }

    /** What is wrong and what to do, or empty for valid UTF-8. */
    public String warning() {
        if (validUtf8()) {
            return "";
        }
        return String.format(Locale.ROOT, "Byte 0x%02X at offset %d is not UTF-8; the file is probably Latin-1 or "
                + "Windows-1252. Labels with accents would read wrongly: save the file as UTF-8 and import it again.",
                invalidByte, invalidOffset);
    }

    /** The length of the head without a multi-byte character cut off at its end. */
    private static int lastCompleteCharacter(byte[] head) {
        int end = head.length;
        for (int back = 1; back <= 3 && end - back >= 0; back++) {
            int b = head[end - back] & 0xFF;
            if ((b & 0xC0) != 0x80) {
                int length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return length > back ? end - back : end;
            }
        }
        return end;
    }
}
