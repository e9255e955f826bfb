package org.recausal.engine.project;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Replaces a file so that readers, and the file after a crash, see either the old or the new content
 * in full: write a temporary file next to the target, force it to disk, then move it over the target.
 */
final class AtomicFiles {
    private static final String TEMP_SUFFIX = ".saving";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Writes the content to a stream; may throw. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    static void write(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        String prefix = tempPrefix(file);
        removeLeftoverTemps(folder, prefix);
        // Not Files.createTempFile: its owner-only permissions would replace the file's usual ones.
        Path temp = folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong(), 36) + TEMP_SUFFIX);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        boolean moved = false;
        try {
            try (channel) {
                OutputStream out = Channels.newOutputStream(channel);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            syncFolder(folder);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Hidden, and named after the target so leftovers are recognisable: {@code .shop.recausal.123.saving}. */
    static String tempPrefix(Path file) {
        return "." + file.getFileName() + ".";
    }

    static String tempSuffix() {
        return TEMP_SUFFIX;
    }

    /**
     * A save killed between creating and moving its temp file leaves it behind; the next save of the same
     * file clears it. (A second program saving the same file at the same moment would see its save fail
     * rather than interleave: two writers of one file conflict anyway.)
     */
    private static void removeLeftoverTemps(Path folder, String prefix) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, path -> {
            String name = path.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX) && Files.isRegularFile(path);
        })) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Makes the rename itself durable where the platform allows opening a folder (not on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The file content is already durable; only the rename might be lost on power failure.
        }
    }
}
