package org.recausal.desktop.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The most recently opened or saved project files, newest first, at most {@value #LIMIT}, kept as one
 * absolute path per line in {@code recent-files.txt} of the config directory. Files that no longer
 * exist are dropped when the list is read; an unreadable list counts as empty, since losing it only
 * costs the analyst a few clicks.
 */
public final class RecentFiles {
    public static final int LIMIT = 10;
    static final String FILE_NAME = "recent-files.txt";

    private final Path store;

    public RecentFiles(Path configDirectory) {
        this.store = configDirectory.resolve(FILE_NAME);
    }

    /** The existing recent files, newest first. */
    public List<Path> list() {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(store, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String line : lines) {
            Path file = parse(line);
            if (file != null && Files.isRegularFile(file) && files.size() < LIMIT) {
                files.add(file);
            }
        }
        return List.copyOf(files);
    }

    /** Puts {@code file} first and returns the new list. */
    public List<Path> add(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(list());
        files.remove(absolute);
        files.addFirst(absolute);
        List<Path> kept = List.copyOf(files.subList(0, Math.min(LIMIT, files.size())));
        write(kept);
        return kept;
    }

    public void clear() throws IOException {
        write(List.of());
    }

    private static Path parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            Path path = Path.of(line);
            return path.isAbsolute() ? path.normalize() : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Writes through a temporary file so a crash never leaves half a list. */
    private void write(List<Path> files) throws IOException {
        Files.createDirectories(store.getParent());
        StringBuilder text = new StringBuilder();
        for (Path file : files) {
            String line = file.toString();
            // A name with a line break cannot be stored one per line; it is simply not remembered.
            if (line.indexOf('\n') < 0 && line.indexOf('\r') < 0) {
                text.append(line).append('\n');
            }
        }
        Path temp = Files.createTempFile(store.getParent(), FILE_NAME, ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, store, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, store, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
