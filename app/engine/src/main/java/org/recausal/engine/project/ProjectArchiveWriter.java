package org.recausal.engine.project;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes project zips so that the same content always gives the same bytes: entries in the given order,
 * a fixed timestamp, and JSON parts stored uncompressed (deflate output differs between the zlib builds
 * of different platforms; the parts are small and stay readable with any zip tool).
 */
final class ProjectArchiveWriter {
    /** A fixed entry time, set as DOS local time so the machine's time zone cannot change it. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ProjectArchiveWriter() {
    }

    static void write(List<ArchivePart> parts, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (ArchivePart part : parts) {
            ZipEntry entry = new ZipEntry(part.path());
            entry.setTimeLocal(ENTRY_TIME);
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
        zip.finish();
    }
}
