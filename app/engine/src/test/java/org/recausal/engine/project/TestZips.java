package org.recausal.engine.project;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds well-formed and deliberately broken zip archives for the project file tests. */
final class TestZips {
    private TestZips() {
    }

    static Map<String, byte[]> entries(String... namesAndTexts) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            entries.put(namesAndTexts[i], namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return entries;
    }

    /** A zip of the given entries, deflated (as common zip tools write them). */
    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Replaces every occurrence of {@code from} by {@code to} (same length): e.g. to make two entries share a name. */
    static byte[] replaceName(byte[] zip, String from, String to) {
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("names must have the same length");
        }
        byte[] out = zip.clone();
        int replaced = 0;
        for (int i = 0; i + a.length <= out.length; i++) {
            if (Arrays.equals(out, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, out, i, b.length);
                replaced++;
            }
        }
        if (replaced == 0) {
            throw new IllegalArgumentException(from + " not found");
        }
        return out;
    }

    /** Rewrites the uncompressed size recorded in the central directory for entry {@code name}. */
    static byte[] declareSize(byte[] zip, String name, int size) {
        byte[] out = zip.clone();
        ByteBuffer buffer = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 <= out.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) {
                int nameLength = Short.toUnsignedInt(buffer.getShort(i + 28));
                if (Arrays.equals(out, i + 46, i + 46 + nameLength, wanted, 0, wanted.length)) {
                    buffer.putInt(i + 24, size);
                    return out;
                }
            }
        }
        throw new IllegalArgumentException(name + " not in the central directory");
    }

    /**
     * A single deflated entry whose zip64 header declares {@code declared} unpacked bytes while the data
     * unpacks to {@code content}: what a crafted file claiming gigabytes looks like.
     */
    static byte[] zip64Declaring(String name, byte[] content, long declared) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(content);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        byte[] packed = new byte[content.length + 64];
        int packedLength = deflater.deflate(packed);
        deflater.end();
        ByteBuffer out = ByteBuffer.allocate(512 + packedLength).order(ByteOrder.LITTLE_ENDIAN);
        // Local header: version 4.5 (zip64), deflate, packed size as is, unpacked size 0xFFFFFFFF -> zip64 extra.
        out.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) 8)
                .putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc.getValue()).putInt(packedLength).putInt(0xFFFFFFFF)
                .putShort((short) nameBytes.length).putShort((short) 12).put(nameBytes)
                .putShort((short) 1).putShort((short) 8).putLong(declared)
                .put(packed, 0, packedLength);
        int centralStart = out.position();
        out.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0)
                .putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc.getValue()).putInt(packedLength).putInt(0xFFFFFFFF)
                .putShort((short) nameBytes.length).putShort((short) 12).putShort((short) 0)
                .putShort((short) 0).putShort((short) 0).putInt(0).putInt(0).put(nameBytes)
                .putShort((short) 1).putShort((short) 8).putLong(declared);
        int centralSize = out.position() - centralStart;
        out.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) 1).putShort((short) 1)
                .putInt(centralSize).putInt(centralStart).putShort((short) 0);
        return Arrays.copyOf(out.array(), out.position());
    }
}
