package org.recausal.engine.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What identifies a data file's content: its size and SHA-256, with the name it had when it was attached. A
 * project keeps this for each dataset so that a changed or swapped file is noticed instead of silently used.
 *
 * @param fileName the file's name (no folder) when it was attached, for the analyst
 * @param sha256   64 lower-case hex digits
 */
public record FileFingerprint(String fileName, long size, String sha256) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public FileFingerprint {
        Objects.requireNonNull(fileName, "fileName");
        if (size < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + size);
        }
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits, not '" + sha256 + "'");
        }
    }

    /** Reads the file once. */
    public static FileFingerprint of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new FileFingerprint(file.getFileName().toString(), size, hex(digest));
    }

    /** Whether the content is the same (the name may differ). */
    public boolean sameContent(FileFingerprint other) {
        return size == other.size && sha256.equals(other.sha256);
    }

    /** What differs in content, e.g. "size 1,204 bytes instead of 1,180" or "SHA-256 differs"; empty when same. */
    public List<String> differences(FileFingerprint found) {
        List<String> differences = new ArrayList<>();
        if (size != found.size) {
            differences.add("size " + found.size + " bytes instead of " + size);
        }
        if (!sha256.equals(found.sha256)) {
            differences.add("SHA-256 " + found.sha256.substring(0, 12) + "… instead of " + sha256.substring(0, 12) + "…");
        }
        return differences;
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
