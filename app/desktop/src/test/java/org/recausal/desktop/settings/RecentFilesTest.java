package org.recausal.desktop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {
    @TempDir
    Path temp;

    private Path project(String name) throws IOException {
        return Files.writeString(temp.resolve(name), "x");
    }

    @Test
    void newestFirstWithoutDuplicatesAndKeptAcrossInstances() throws IOException {
        Path config = temp.resolve("config");
        RecentFiles recent = new RecentFiles(config);
        Path a = project("a.recausal");
        Path b = project("b.recausal");

        recent.add(a);
        recent.add(b);
        List<Path> afterReopeningA = recent.add(a);

        assertThat(afterReopeningA).containsExactly(a, b);
        assertThat(new RecentFiles(config).list()).containsExactly(a, b);
    }

    @Test
    void keepsAtMostTen() throws IOException {
        RecentFiles recent = new RecentFiles(temp.resolve("config"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            files.add(project("p" + i + ".recausal"));
            recent.add(files.getLast());
        }
        assertThat(recent.list()).hasSize(RecentFiles.LIMIT).first().isEqualTo(files.get(12));
        assertThat(recent.list().getLast()).isEqualTo(files.get(3));
    }

    @Test
    void dropsFilesThatNoLongerExistAndLinesThatAreNotAbsolutePaths() throws IOException {
        Path config = Files.createDirectories(temp.resolve("config"));
        Path kept = project("kept.recausal");
        Files.writeString(config.resolve(RecentFiles.FILE_NAME),
                temp.resolve("gone.recausal") + "\nrelative.recausal\n\n" + kept + "\n" + temp + "\n",
                StandardCharsets.UTF_8);
        assertThat(new RecentFiles(config).list()).containsExactly(kept);
    }

    @Test
    void storesRelativeArgumentsAsAbsolutePaths() throws IOException {
        RecentFiles recent = new RecentFiles(temp.resolve("config"));
        Path file = project("abs.recausal");
        Path relative = Path.of("").toAbsolutePath().relativize(file);
        assertThat(recent.add(relative)).containsExactly(file);
    }

    @Test
    void aMissingListIsEmptyAndAnUnwritableOneFailsLoudly() throws IOException {
        Path blocked = Files.writeString(temp.resolve("not-a-folder"), "");
        RecentFiles recent = new RecentFiles(blocked);
        assertThat(recent.list()).isEmpty();
        assertThatThrownBy(() -> recent.add(project("x.recausal"))).isInstanceOf(IOException.class);
    }

    @Test
    void clearForgetsEverything() throws IOException {
        RecentFiles recent = new RecentFiles(temp.resolve("config"));
        recent.add(project("a.recausal"));
        recent.clear();
        assertThat(recent.list()).isEmpty();
        try (var left = Files.list(temp.resolve("config"))) {
            assertThat(left).containsExactly(temp.resolve("config").resolve(RecentFiles.FILE_NAME));
        }
    }
}
