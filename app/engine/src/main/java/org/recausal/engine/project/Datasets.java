package org.recausal.engine.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.List;

import org.recausal.engine.data.DataException;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Checking, relinking and loading a project's datasets. Data are never used unless they are the data that were
 * attached: loading checks size and SHA-256 while it reads, and a referenced file that changed is used only once
 * the analyst accepts it through {@link #relink}.
 */
public final class Datasets {

    private Datasets() {
    }

    /**
     * Whether the dataset's data are there and unchanged. A referenced file is read once for its SHA-256;
     * embedded data were checked against their declared size when the project was opened and
     * are checked in full when loaded.
     */
    public static DatasetStatus check(Dataset dataset) {
        FileFingerprint expected = dataset.source().fingerprint();
        if (!(dataset.source() instanceof DatasetSource.Referenced referenced)) {
            return new DatasetStatus(dataset.id(), DatasetStatus.State.OK, expected, expected, List.of(),
                    dataset.name() + ": embedded in the project");
        }
        Path file = referenced.file();
        if (!Files.isRegularFile(file)) {
            return new DatasetStatus(dataset.id(), DatasetStatus.State.MISSING, expected, null, List.of(),
                    dataset.name() + ": " + file + " is missing; relink it to where " + expected.fileName()
                            + " is now");
        }
        FileFingerprint found;
        try {
            found = FileFingerprint.of(file);
        } catch (IOException e) {
            return new DatasetStatus(dataset.id(), DatasetStatus.State.MISSING, expected, null, List.of(),
                    dataset.name() + ": " + file + " cannot be read (" + ProjectFiles.describe(e) + ")");
        }
        return status(dataset, expected, found, file);
    }

    private static DatasetStatus status(Dataset dataset, FileFingerprint expected, FileFingerprint found, Path file) {
        List<String> changes = expected.differences(found);
        if (changes.isEmpty()) {
            return new DatasetStatus(dataset.id(), DatasetStatus.State.OK, expected, found, List.of(),
                    dataset.name() + ": " + file + " is unchanged");
        }
        return new DatasetStatus(dataset.id(), DatasetStatus.State.CHANGED, expected, found, changes,
                dataset.name() + ": " + file + " changed since it was attached (" + String.join(", ", changes)
                        + "); relink it, or accept the changed file");
    }

    /** The outcome of a relink: the dataset as it now is (unchanged when refused) and the new file's status. */
    public record Relink(Dataset dataset, DatasetStatus status, boolean relinked) {
    }

    /**
     * Points a referenced dataset at another file. The file must have the content that was attached (same size and
     * SHA-256), unless {@code acceptChanges}: then the dataset takes the file's fingerprint and its data are read
     * anew (columns and mapping are checked again when it is loaded).
     *
     * @throws IllegalArgumentException for an embedded dataset, whose data are inside the project
     */
    public static Relink relink(Dataset dataset, Path file, boolean acceptChanges) throws IOException {
        if (!(dataset.source() instanceof DatasetSource.Referenced)) {
            throw new IllegalArgumentException("dataset '" + dataset.id() + "' is embedded in the project; "
                    + "there is no file to relink");
        }
        Path absolute = file.toAbsolutePath().normalize();
        FileFingerprint expected = dataset.source().fingerprint();
        FileFingerprint found = FileFingerprint.of(absolute);
        DatasetStatus status = status(dataset, expected, found, absolute);
        if (status.ok() || acceptChanges) {
            FileFingerprint kept = status.ok() ? new FileFingerprint(expected.fileName(), found.size(), found.sha256())
                    : found;
            Dataset relinked = dataset.withSource(new DatasetSource.Referenced(absolute, kept));
            return new Relink(relinked, status.ok() ? status : new DatasetStatus(dataset.id(), DatasetStatus.State.OK,
                    kept, found, List.of(), dataset.name() + ": now " + absolute + ", accepted as changed ("
                    + String.join(", ", status.changes()) + ")"), true);
        }
        return new Relink(dataset, status, false);
    }

    /** A file read for attaching: where its data will live (with the fingerprint taken while reading) and the table. */
    public record Attachment(DatasetSource source, ImportResult result) {
    }

    /**
     * Reads a file to attach it, taking its size and SHA-256 in the same pass, so a large file is read once.
     *
     * @param embed whether the project will carry the bytes (otherwise it refers to the file)
     * @throws DataException when the file cannot be read as a table
     */
    public static Attachment attach(Path file, ImportOptions options, boolean embed, ProgressListener progress,
            CancellationToken cancel) {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        MessageDigest digest = FileFingerprint.newDigest();
        CountingDigestStream in;
        long size;
        try {
            size = Files.size(absolute);
            in = new CountingDigestStream(Files.newInputStream(absolute), digest);
        } catch (IOException e) {
            throw new DataException("cannot read " + name + ": " + ProjectFiles.describe(e), e);
        }
        ImportResult result = TableReader.read(name, in, size, options, progress, cancel);
        FileFingerprint fingerprint = new FileFingerprint(name, in.count, FileFingerprint.hex(digest));
        DatasetSource source = embed ? new DatasetSource.Embedded(fingerprint, new DataBytes.OfFile(absolute))
                : new DatasetSource.Referenced(absolute, fingerprint);
        return new Attachment(source, result);
    }

    /**
     * Reads the dataset's table with its import options, checking as it reads that the bytes are the ones attached.
     *
     * @throws DataException when the data are missing or changed (nothing is returned then), or cannot be read
     */
    public static ImportResult load(Dataset dataset, ProgressListener progress, CancellationToken cancel) {
        FileFingerprint expected = dataset.source().fingerprint();
        MessageDigest digest = FileFingerprint.newDigest();
        CountingDigestStream in;
        try {
            in = new CountingDigestStream(open(dataset), digest);
        } catch (IOException e) {
            throw new DataException(dataset.name() + ": cannot read its data (" + ProjectFiles.describe(e) + ")", e);
        }
        ImportResult result = TableReader.read(expected.fileName(), in, expected.size(), dataset.options(), progress,
                cancel);
        FileFingerprint read = new FileFingerprint(expected.fileName(), in.count, FileFingerprint.hex(digest));
        if (!expected.sameContent(read)) {
            throw new DataException(dataset.name() + ": the data changed since they were attached ("
                    + String.join(", ", expected.differences(read)) + "); relink the dataset or accept the change");
        }
        return result;
    }

    private static InputStream open(Dataset dataset) throws IOException {
        return switch (dataset.source()) {
            case DatasetSource.Embedded embedded -> embedded.bytes().open();
            case DatasetSource.Referenced referenced -> {
                if (Files.size(referenced.file()) != referenced.fingerprint().size()) {
                    throw new IOException(referenced.file() + " has " + Files.size(referenced.file())
                            + " bytes, not the " + referenced.fingerprint().size() + " attached");
                }
                yield Files.newInputStream(referenced.file());
            }
        };
    }

    /** Hashes and counts every byte read, and on close reads what the reader left so the hash covers it all. */
    private static final class CountingDigestStream extends DigestInputStream {
        long count;
        private boolean closed;

        CountingDigestStream(InputStream in, MessageDigest digest) {
            super(in, digest);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        /** Closing twice is allowed (a reader's SequenceInputStream closes what it finished). */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                byte[] rest = new byte[1 << 16];
                while (read(rest, 0, rest.length) > 0) {
                    // hashed by read
                }
            } finally {
                super.close();
            }
        }
    }
}
