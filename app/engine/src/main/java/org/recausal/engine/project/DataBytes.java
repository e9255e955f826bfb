package org.recausal.engine.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bytes of an embedded dataset can be read: the file it was attached from (until the project is saved)
 * or its entry in the saved project file.
 */
public sealed interface DataBytes permits DataBytes.OfFile, DataBytes.OfArchiveEntry {

    /** A stream of the bytes; the caller closes it. */
    InputStream open() throws IOException;

    /** Where the bytes are, for messages. */
    String describe();

    /** The bytes of a file on disk. */
    record OfFile(Path file) implements DataBytes {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public String describe() {
            return file.toString();
        }
    }

    /**
     * An entry of a project file. Reading stops with an error once it yields more than the size the dataset
     * declares, so a crafted entry cannot inflate into gigabytes.
     */
    record OfArchiveEntry(Path archive, String entry, long size) implements DataBytes {
        @Override
        public InputStream open() throws IOException {
            return ProjectArchive.openEntry(archive, entry, size);
        }

        @Override
        public String describe() {
            return entry + " in " + archive.getFileName();
        }
    }
}
