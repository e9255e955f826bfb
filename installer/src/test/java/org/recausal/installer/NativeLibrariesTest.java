package org.recausal.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.recausal.installer.Platform.Arch;
import org.recausal.installer.Platform.Os;

class NativeLibrariesTest {
    private static final Platform LINUX_X64 = new Platform(Os.LINUX, Arch.X64);
    private static final Platform MAC_ARM64 = new Platform(Os.MAC, Arch.ARM64);
    private static final Platform WINDOWS_X64 = new Platform(Os.WINDOWS, Arch.X64);

    @TempDir
    Path temp;

    /** Entry names as real multi-platform jars spell them, and which of three machines each one is for. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // entry,                                                   linux-x64, mac-arm64, windows-x64
            "libduckdb_java.so_linux_amd64,                             true,  false, false",
            "libduckdb_java.so_linux_arm64,                             false, false, false",
            "libduckdb_java.so_osx_universal,                           false, true,  false",
            "libduckdb_java.so_windows_amd64,                           false, false, true",
            "org/bytedeco/openblas/linux-x86_64/libjniopenblas.so,      true,  false, false",
            "org/bytedeco/openblas/linux-x86/libjniopenblas.so,         false, false, false",
            "org/bytedeco/openblas/macosx-arm64/libjniopenblas.dylib,   false, true,  false",
            "org/bytedeco/openblas/windows-x86_64/jniopenblas.dll,      false, false, true",
            "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so,          false, false, false",
            "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib,         false, true,  false",
            "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll,           false, false, true",
            "com/sun/jna/linux-x86-64/libjnidispatch.so,                true,  false, false",
            "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib,          false, true,  false",
            "com/sun/jna/win32-x86-64/jnidispatch.dll,                  false, false, true",
            "libopenblas.so.0,                                          true,  false, false",
            "glass.dll,                                                 false, false, true",
            "libglass.dylib,                                            false, true,  false",
    })
    void tellsWhichPlatformALibraryIsFor(String entry, boolean linuxX64, boolean macArm64, boolean windowsX64) {
        assertThat(NativeLibraries.isLibrary(entry)).isTrue();
        assertThat(NativeLibraries.isForeign(entry, LINUX_X64)).as("foreign on Linux x64").isEqualTo(!linuxX64);
        assertThat(NativeLibraries.isForeign(entry, MAC_ARM64)).as("foreign on macOS arm64").isEqualTo(!macArm64);
        assertThat(NativeLibraries.isForeign(entry, WINDOWS_X64)).as("foreign on Windows x64").isEqualTo(!windowsX64);
    }

    @ParameterizedTest
    @CsvSource({
            "org/sqlite/native/Linux/x86_64/README",
            "org/duckdb/DuckDBDriver.class",
            "smile/linalg/blas/cblas_h.class",
            "META-INF/versions/22/module-info.class",
            "org/sound/somewhere/",
    })
    void classesAndOtherFilesAreNoLibraries(String entry) {
        assertThat(NativeLibraries.isLibrary(entry)).isFalse();
        assertThat(NativeLibraries.isForeign(entry, LINUX_X64)).isFalse();
    }

    @Test
    void theCopyForLinuxKeepsEverythingButTheOtherPlatformsLibraries() throws IOException {
        Path jar = jar("multi.jar",
                "META-INF/MANIFEST.MF", "org/example/Native.class", "libexample.so_linux_amd64",
                "libexample.so_linux_arm64", "libexample.so_osx_universal", "libexample.so_windows_amd64");

        Path copy = temp.resolve("copy.jar");
        List<String> left = NativeLibraries.copyForPlatform(jar, copy, LINUX_X64);

        assertThat(left).containsExactly(
                "libexample.so_linux_arm64", "libexample.so_osx_universal", "libexample.so_windows_amd64");
        assertThat(entries(copy)).containsExactly(
                "META-INF/MANIFEST.MF", "org/example/Native.class", "libexample.so_linux_amd64");
        try (ZipFile zip = new ZipFile(copy.toFile())) {
            assertThat(zip.getInputStream(zip.getEntry("libexample.so_linux_amd64")).readAllBytes())
                    .isEqualTo(content("libexample.so_linux_amd64"));
        }
    }

    @Test
    void aJarWithoutForeignLibrariesIsCopiedByteForByte() throws IOException {
        Path jar = jar("plain.jar", "META-INF/MANIFEST.MF", "org/example/A.class", "libglass.so");

        Path copy = temp.resolve("copy.jar");
        assertThat(NativeLibraries.copyForPlatform(jar, copy, LINUX_X64)).isEmpty();

        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(jar));
    }

    @Test
    void aSignedJarIsRefusedRatherThanBroken() throws IOException {
        Path jar = jar("signed.jar", "META-INF/MANIFEST.MF", "META-INF/SIGNER.SF", "META-INF/SIGNER.RSA",
                "win32-x86-64/example.dll");

        assertThatThrownBy(() -> NativeLibraries.copyForPlatform(jar, temp.resolve("copy.jar"), LINUX_X64))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("signed.jar is signed");
        assertThat(temp.resolve("copy.jar")).doesNotExist();
    }

    private Path jar(String name, String... entryNames) throws IOException {
        Path jar = temp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String entry : entryNames) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(content(entry));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static byte[] content(String entry) {
        return ("bytes of " + entry).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new ArrayList<>(Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList());
        }
    }
}
