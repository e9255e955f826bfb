package org.recausal.engine.project;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes project zips so that the same content always gives the same bytes: entries in the given order,
 * a fixed timestamp, and JSON parts stored uncompressed (deflate output differs between the zlib builds
 * of different platforms; the parts are small and stay readable with any zip tool). Embedded data files follow
 * the JSON parts, deflated unless they are gzip files already; their bytes are checked against their fingerprint
 * as they are copied, so a file that changed after it was attached is never saved as if it were the same.
 */
final class ProjectArchiveWriter {
    /** A fixed entry time, set as DOS local time so the machine's time zone cannot change it. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final int BUFFER = 1 << 16;

    private ProjectArchiveWriter() {
    }

    static void write(List<ArchivePart> parts, OutputStream out) throws IOException {
        write(parts, List.of(), List.of(), out);
    }

    /**
     * @param binaries binary entries (model arrays, recommender models), deflated, after the JSON parts
     * @param data     embedded datasets, last
     */
    static void write(List<ArchivePart> parts, List<ArchivePart> binaries, List<ArchiveData> data, OutputStream out)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        for (ArchivePart part : parts) {
            ZipEntry entry = entry(part.path());
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(part.bytes().length);
            entry.setCompressedSize(part.bytes().length);
            CRC32 crc = new CRC32();
            crc.update(part.bytes());
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(part.bytes());
            zip.closeEntry();
        }
        for (ArchivePart binary : binaries) {
            ZipEntry entry = entry(binary.path());
            entry.setMethod(ZipEntry.DEFLATED);
            zip.putNextEntry(entry);
            zip.write(binary.bytes());
            zip.closeEntry();
        }
        for (ArchiveData file : data) {
            writeData(zip, file);
        }
        zip.finish();
    }

    private static ZipEntry entry(String path) {
        ZipEntry entry = new ZipEntry(path);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    private static void writeData(ZipOutputStream zip, ArchiveData file) throws IOException {
        ZipEntry entry = entry(file.path());
        boolean gzip = isGzip(file.bytes());
        if (gzip) {
            // Compressed already: stored as is, which needs the CRC before the bytes.
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(file.fingerprint().size());
            entry.setCompressedSize(file.fingerprint().size());
            entry.setCrc(copy(file, null));
        } else {
            entry.setMethod(ZipEntry.DEFLATED);
        }
        zip.putNextEntry(entry);
        copy(file, zip);
        zip.closeEntry();
    }

    /** Copies (or, without a target, only reads) the bytes, checking size and SHA-256; returns their CRC-32. */
    private static long copy(ArchiveData file, OutputStream target) throws IOException {
        MessageDigest digest = FileFingerprint.newDigest();
        CRC32 crc = new CRC32();
        long size = 0;
        try (InputStream in = file.bytes().open()) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                crc.update(buffer, 0, n);
                size += n;
                if (size > file.fingerprint().size()) {
                    break;
                }
                if (target != null) {
                    target.write(buffer, 0, n);
                }
            }
        }
        FileFingerprint found = new FileFingerprint(file.fingerprint().fileName(), size, FileFingerprint.hex(digest));
        if (!file.fingerprint().sameContent(found)) {
            throw new IOException(file.fingerprint().fileName() + " (" + file.bytes().describe()
                    + ") changed since it was attached: " + String.join(", ", file.fingerprint().differences(found))
                    + "; attach it again");
        }
        return crc.getValue();
    }

    private static boolean isGzip(DataBytes bytes) throws IOException {
        try (InputStream in = bytes.open()) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
        }
    }
}
