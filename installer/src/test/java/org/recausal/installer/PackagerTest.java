package org.recausal.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.recausal.installer.Platform.Os;

class PackagerTest {
    @TempDir
    Path temp;

    @Test
    void packageVersionsAreTheProjectVersionsNumbers() {
        assertThat(Packager.packageVersion("0.1.0-SNAPSHOT", Os.LINUX)).isEqualTo("0.1.0");
        assertThat(Packager.packageVersion("2.3.4", Os.WINDOWS)).isEqualTo("2.3.4");
        assertThat(Packager.packageVersion("1.2-rc1", Os.MAC)).isEqualTo("1.2");
        assertThatThrownBy(() -> Packager.packageVersion("nightly", Os.LINUX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nightly");
    }

    @Test
    void macOsGetsAFirstNumberAboveZero() {
        assertThat(Packager.packageVersion("0.1.0-SNAPSHOT", Os.MAC)).isEqualTo("1.1.0");
        assertThat(Packager.packageVersion("0", Os.MAC)).isEqualTo("1");
        assertThat(Packager.packageVersion("10.0.1", Os.MAC)).isEqualTo("10.0.1");
    }

    @Test
    void aRecausalJarThatUsesDuckDbStopsTheBuildWithTheClassNamed() throws IOException {
        Path jar = temp.resolve("recausal-engine.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("org/recausal/engine/data/Sql.class"));
            // A class file names the classes it uses in its constant pool, in internal form.
            zip.write("\u00ca\u00fe\u00ba\u00be...Lsmile/data/SQL;...".getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("org/recausal/engine/dag/Dag.class"));
            zip.write("\u00ca\u00fe\u00ba\u00be...Lorg/jgrapht/Graph;...".getBytes(StandardCharsets.ISO_8859_1));
            zip.closeEntry();
        }

        assertThatThrownBy(() -> Packager.requireNoDuckDb(jar))
                .isInstanceOf(Packager.ToolFailure.class)
                .hasMessageContaining("org/recausal/engine/data/Sql.class refers to smile/data/SQL");
    }
}
