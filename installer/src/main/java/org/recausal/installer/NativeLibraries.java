package org.recausal.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.recausal.installer.Platform.Arch;
import org.recausal.installer.Platform.Os;

/**
 * Native libraries that jars carry for several platforms at once (JNI bundles such as DuckDB's, bytedeco's,
 * sqlite-jdbc's or JNA's), and the copy of a jar without those of other platforms. The platform of a library is
 * read from its path the way these projects name it: an OS word ({@code linux}, {@code windows}/{@code win32},
 * {@code osx}/{@code macos}/{@code darwin}) and an architecture word ({@code x86_64}, {@code aarch64}, ...), else
 * its extension ({@code .dll}, {@code .dylib}/{@code .jnilib}, {@code .so}). A library that names neither, such
 * as JavaFX's {@code libglass.so} in the jar Maven chose for this platform, is kept.
 */
final class NativeLibraries {
    private static final Pattern LIBRARY = Pattern.compile(".*\\.(so|dll|dylib|jnilib)([._-].*)?");
    private static final String START = "(?<![a-z0-9])";
    private static final String END = "(?![a-z0-9])";
    private static final Pattern LINUX = word("linux");
    private static final Pattern WINDOWS = word("windows|win32|win64|win");
    private static final Pattern MAC = word("osx|macosx|macos|mac|darwin");
    private static final Pattern UNIVERSAL = word("universal|universal2");
    private static final Pattern X64 = word("x86[-_]64|amd64|x64");
    private static final Pattern ARM64 = word("aarch64|arm64");
    private static final Pattern X86 = word("x86|i386|i686|x86[-_]32");
    private static final Pattern ARM = word("arm|armhf|armv7|armv7l|arm32");
    private static final Pattern OTHER_ARCH = word("ppc64le|ppc64|s390x|riscv64|loongarch64|mips64el");

    private NativeLibraries() {
    }

    static boolean isLibrary(String entry) {
        return !entry.endsWith("/") && LIBRARY.matcher(fileName(entry).toLowerCase(Locale.ROOT)).matches();
    }

    /** Whether {@code entry} is a native library built for a platform other than {@code target}. */
    static boolean isForeign(String entry, Platform target) {
        if (!isLibrary(entry)) {
            return false;
        }
        String path = entry.toLowerCase(Locale.ROOT);
        Os os = osNamedIn(path).orElseGet(() -> osOfExtension(fileName(path)));
        if (os != target.os()) {
            return true;
        }
        Optional<Arch> arch = archNamedIn(path);
        boolean fitsAnyArch = os == Os.MAC && UNIVERSAL.matcher(path).find();
        return arch.isPresent() && arch.get() != target.arch() && !fitsAnyArch;
    }

    /** The entries of {@code jar} that are native libraries of other platforms. */
    static List<String> foreignEntries(Path jar, Platform target) throws IOException {
        List<String> foreign = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                if (isForeign(name, target)) {
                    foreign.add(name);
                }
            }
        }
        return foreign;
    }

    /**
     * Copies {@code jar} to {@code copy} without the native libraries of other platforms and returns those left
     * out. A jar with none is copied byte for byte; a signed jar that has some is refused, since leaving
     * entries out would break its signature.
     */
    static List<String> copyForPlatform(Path jar, Path copy, Platform target) throws IOException {
        List<String> foreign = foreignEntries(jar, target);
        if (foreign.isEmpty()) {
            Files.copy(jar, copy);
            return foreign;
        }
        try (ZipFile zip = new ZipFile(jar.toFile());
             OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (isSignature(entry.getName())) {
                    throw new IOException(jar.getFileName() + " is signed, so its " + foreign.size()
                            + " native libraries for other platforms cannot be left out (" + foreign.getFirst() + ", ...)");
                }
                if (foreign.contains(entry.getName())) {
                    continue;
                }
                ZipEntry kept = new ZipEntry(entry.getName());
                kept.setTime(entry.getTime());
                out.putNextEntry(kept);
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        return foreign;
    }

    private static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.startsWith("META-INF/") && upper.indexOf('/', "META-INF/".length()) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC"));
    }

    private static Optional<Os> osNamedIn(String path) {
        if (LINUX.matcher(path).find()) {
            return Optional.of(Os.LINUX);
        }
        if (WINDOWS.matcher(path).find()) {
            return Optional.of(Os.WINDOWS);
        }
        if (MAC.matcher(path).find()) {
            return Optional.of(Os.MAC);
        }
        return Optional.empty();
    }

    private static Os osOfExtension(String fileName) {
        if (fileName.contains(".dll")) {
            return Os.WINDOWS;
        }
        if (fileName.contains(".dylib") || fileName.contains(".jnilib")) {
            return Os.MAC;
        }
        return Os.LINUX;
    }

    /** Checked from the most specific word down: {@code x86_64} also contains the word {@code x86}. */
    private static Optional<Arch> archNamedIn(String path) {
        if (X64.matcher(path).find()) {
            return Optional.of(Arch.X64);
        }
        if (ARM64.matcher(path).find()) {
            return Optional.of(Arch.ARM64);
        }
        if (OTHER_ARCH.matcher(path).find()) {
            return Optional.of(Arch.OTHER);
        }
        if (X86.matcher(path).find()) {
            return Optional.of(Arch.X86);
        }
        if (ARM.matcher(path).find()) {
            return Optional.of(Arch.ARM);
        }
        return Optional.empty();
    }

    private static String fileName(String entry) {
        return entry.substring(entry.lastIndexOf('/') + 1);
    }

    private static Pattern word(String alternatives) {
        return Pattern.compile(START + "(" + alternatives + ")" + END);
    }
}
