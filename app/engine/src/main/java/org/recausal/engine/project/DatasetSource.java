package org.recausal.engine.project;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a dataset's data live: embedded in the project file (its original bytes, compressed) or in a file the
 * project refers to. Either way the content's size and SHA-256 are kept, so the data used are always the data
 * attached.
 */
public sealed interface DatasetSource permits DatasetSource.Embedded, DatasetSource.Referenced {

    FileFingerprint fingerprint();

    /** Copies the file into the project when it is saved. Reads the file once, for its fingerprint. */
    static Embedded embed(Path file) throws IOException {
        return new Embedded(FileFingerprint.of(file), new DataBytes.OfFile(file.toAbsolutePath().normalize()));
    }

    /** Refers to the file where it is; the project stores its path relative to the project file. */
    static Referenced reference(Path file) throws IOException {
        return new Referenced(file.toAbsolutePath().normalize(), FileFingerprint.of(file));
    }

    /** Data carried inside the project file. */
    record Embedded(FileFingerprint fingerprint, DataBytes bytes) implements DatasetSource {
        public Embedded {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** Data in a file outside the project; {@code file} is absolute. */
    record Referenced(Path file, FileFingerprint fingerprint) implements DatasetSource {
        public Referenced {
            Objects.requireNonNull(fingerprint, "fingerprint");
            if (!file.isAbsolute()) {
                throw new IllegalArgumentException("a referenced file is kept as an absolute path, not " + file);
            }
        }
    }
}
