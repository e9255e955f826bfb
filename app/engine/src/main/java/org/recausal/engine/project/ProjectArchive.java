package org.recausal.engine.project;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A project zip opened for reading. Project files arrive by mail from other machines, so nothing in one
 * is trusted: every entry name, the entry count and every declared size are checked when it is opened,
 * and reading a part stops once it yields more bytes than it declared or than its limit (zip bombs).
 * Entries are only ever read into memory, never extracted to disk.
 */
final class ProjectArchive implements Closeable {
    static final int MAX_ENTRIES = 1024;
    /** Room for an embedded dataset; JSON parts have a much smaller limit of their own. */
    static final long MAX_ENTRY_BYTES = 1L << 30;

    private final ZipFile zip;
    private final Map<String, ZipEntry> entries;

    private ProjectArchive(ZipFile zip, Map<String, ZipEntry> entries) {
        this.zip = zip;
        this.entries = entries;
    }

    static ProjectArchive open(Path file) throws ProjectFileException {
        checkLooksLikeZip(file);
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ProjectFileException("is a damaged or truncated zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ProjectFileException("cannot be read: " + e.getMessage(), e);
        }
        try {
            return new ProjectArchive(zip, checkedEntries(zip));
        } catch (ProjectFileException | RuntimeException e) {
            closeQuietly(zip, e);
            throw e;
        }
    }

    /** Entry names in the order they are stored. */
    List<String> names() {
        return List.copyOf(entries.keySet());
    }

    boolean contains(String name) {
        return entries.containsKey(name);
    }

    /**
     * The bytes of entry {@code name}, refused when it declares or yields more than {@code limit}
     * bytes, or yields more or fewer bytes than it declares.
     */
    byte[] read(String name, long limit) throws ProjectFileException {
        ZipEntry entry = entries.get(name);
        if (entry == null) {
            throw new ProjectFileException(name + ": is missing from the file");
        }
        long declared = entry.getSize();
        if (declared > limit) {
            throw new ProjectFileException(name + ": declares " + Bytes.describe(declared)
                    + ", more than the " + Bytes.describe(limit) + " allowed for it");
        }
        // Grown as bytes arrive, so a hostile declared size allocates nothing up front.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(declared, 1 << 16));
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > declared) {
                    throw new ProjectFileException(name + ": unpacks to more than the " + Bytes.describe(declared)
                            + " it declares; refused as a possible zip bomb");
                }
                bytes.write(buffer, 0, n);
            }
            if (total < declared) {
                throw new ProjectFileException(name + ": is truncated (" + total + " of " + declared + " bytes)");
            }
        } catch (ZipException e) {
            throw new ProjectFileException(name + ": is damaged (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ProjectFileException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return bytes.toByteArray();
    }

    /** The unpacked size entry {@code name} declares. */
    long declaredSize(String name) {
        return entries.get(name).getSize();
    }

    /**
     * Opens the project file {@code file} and streams entry {@code name}, which must declare {@code size} bytes;
     * the stream fails once the entry yields more (zip bomb) or ends early. Closing the stream closes the file.
     */
    static InputStream openEntry(Path file, String name, long size) throws IOException {
        ProjectArchive archive;
        try {
            archive = open(file);
        } catch (ProjectFileException e) {
            throw new IOException(file.getFileName() + ": " + e.getMessage(), e);
        }
        try {
            ZipEntry entry = archive.entries.get(name);
            if (entry == null || entry.getSize() != size) {
                throw new IOException(file.getFileName() + ": " + name + (entry == null ? " is missing"
                        : " declares " + entry.getSize() + " bytes instead of " + size));
            }
            return new BoundedStream(archive.zip.getInputStream(entry), size, name, archive);
        } catch (IOException | RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Yields exactly the declared bytes of an entry, or fails; closes the archive when closed. */
    private static final class BoundedStream extends java.io.FilterInputStream {
        private final long declared;
        private final String name;
        private final Closeable owner;
        private long total;

        BoundedStream(InputStream in, long declared, String name, Closeable owner) {
            super(in);
            this.declared = declared;
            this.name = name;
            this.owner = owner;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n < 0) {
                if (total < declared) {
                    throw new IOException(name + " is truncated (" + total + " of " + declared + " bytes)");
                }
                return n;
            }
            total += n;
            if (total > declared) {
                throw new IOException(name + " unpacks to more than the " + Bytes.describe(declared)
                        + " it declares; refused as a possible zip bomb");
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                owner.close();
            }
        }
    }

    private static void checkLooksLikeZip(Path file) throws ProjectFileException {
        if (!Files.exists(file)) {
            throw new ProjectFileException("does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new ProjectFileException("is not a file");
        }
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ProjectFileException("cannot be read: " + e.getMessage(), e);
        }
        if (read == 0) {
            throw new ProjectFileException("is empty");
        }
        // "PK\3\4" starts every zip that holds at least one entry.
        if (read < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            throw new ProjectFileException("is not a Recausal project (not a zip archive)");
        }
    }

    private static Map<String, ZipEntry> checkedEntries(ZipFile zip) throws ProjectFileException {
        if (zip.size() > MAX_ENTRIES) {
            throw new ProjectFileException("has " + zip.size() + " entries, more than the " + MAX_ENTRIES + " allowed");
        }
        Map<String, ZipEntry> entries = new LinkedHashMap<>();
        List<ZipEntry> all = new ArrayList<>(Collections.list(zip.entries()));
        for (ZipEntry entry : all) {
            String name = entry.getName();
            String problem = EntryName.problem(name);
            if (problem != null) {
                throw new ProjectFileException("contains an entry " + EntryName.quote(name) + " that " + problem);
            }
            if (entries.putIfAbsent(name, entry) != null) {
                throw new ProjectFileException("contains the entry " + EntryName.quote(name) + " twice");
            }
            if (entry.getSize() > MAX_ENTRY_BYTES) {
                throw new ProjectFileException(name + ": declares " + Bytes.describe(entry.getSize())
                        + ", more than the " + Bytes.describe(MAX_ENTRY_BYTES) + " allowed for one entry");
            }
        }
        return entries;
    }

    private static void closeQuietly(ZipFile zip, Exception failure) {
        try {
            zip.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
