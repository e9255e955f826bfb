package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save that fails or is killed half way leaves the previous file whole. */
class AtomicSaveTest {
    @TempDir
    Path folder;

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void failedWriteLeavesOldFileAndNoTempFile() throws IOException {
        Path file = Files.writeString(folder.resolve("p.recausal"), "old content");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of the new".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old content");
        assertThat(listing()).containsExactly("p.recausal");
    }

    @Test
    void saveIntoMissingFolderIsRefusedClearly() {
        Path file = folder.resolve("nowhere/p.recausal");
        assertThatThrownBy(() -> ProjectFiles.save(ProjectFilesRoundTripTest.sample(), file))
                .isInstanceOf(ProjectFileException.class)
                .hasMessage("Cannot save p.recausal: the folder " + folder.resolve("nowhere") + " does not exist");
    }

    /** Folder permissions do not bind root (as in CI), so the refusal's wording is checked directly. */
    @Test
    void deniedPermissionIsNamedWithTheFile() {
        assertThat(ProjectFiles.describe(new AccessDeniedException("/shared/p.recausal")))
                .isEqualTo("permission denied (/shared/p.recausal)");
        assertThat(ProjectFiles.describe(new NoSuchFileException("/gone/p.recausal")))
                .isEqualTo("no such file or folder (/gone/p.recausal)");
    }

    @Test
    void leftoversOfAKilledSaveAreClearedByTheNextSave() throws Exception {
        Path file = folder.resolve("p.recausal");
        Files.writeString(folder.resolve(".p.recausal.abc" + AtomicFiles.tempSuffix()), "partial");
        Path unrelated = Files.writeString(folder.resolve(".other.recausal.abc" + AtomicFiles.tempSuffix()), "x");

        ProjectFiles.save(ProjectFilesRoundTripTest.sample(), file);

        assertThat(listing()).containsExactly(unrelated.getFileName().toString(), "p.recausal");
    }

    @Test
    void failedMoveLeavesNoTempFile() throws Exception {
        Path blocker = Files.createDirectory(folder.resolve("p.recausal"));
        Files.writeString(blocker.resolve("keep.txt"), "a folder where the file should go");

        assertThatThrownBy(() -> AtomicFiles.write(blocker, out -> out.write(42))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ProjectFiles.save(ProjectFilesRoundTripTest.sample(), blocker))
                .isInstanceOf(ProjectFileException.class)
                .hasMessage("Cannot save p.recausal: a folder of that name is in the way");

        assertThat(listing()).containsExactly("p.recausal");
        assertThat(Files.readString(blocker.resolve("keep.txt"))).startsWith("a folder");
    }

    /** Kills a JVM that saves in a loop, several times; the file must open every time. */
    @Test
    void processKilledWhileSavingLeavesAReadableFile() throws Exception {
        Path file = folder.resolve("p.recausal");
        String java = ProcessHandle.current().info().command().orElseThrow();
        for (int round = 0; round < 3; round++) {
            Process saver = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SaveLoop.class.getName(), file.toString())
                    .redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(saver.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).isEqualTo("saved");
                Thread.sleep(150L + 100L * round);
                saver.destroyForcibly().waitFor();
            }
            Project opened = ProjectFiles.open(file);
            assertThat(opened.name()).startsWith("loop ");
            assertThat(opened.dag().size()).isEqualTo(SaveLoop.VARIABLES);
        }
        ProjectFiles.save(ProjectFiles.open(file), file);
        assertThat(listing()).as("no temp files left").containsExactly("p.recausal");
    }
}
