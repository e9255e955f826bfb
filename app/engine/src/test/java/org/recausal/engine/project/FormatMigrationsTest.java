package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FormatMigrationsTest {
    @TempDir
    Path folder;

    /** A migration that appends a marker to every variable description, so its effect can be seen. */
    private record Marking(int from) implements FormatMigration {
        @Override
        public void migrate(StoredProject stored) {
            for (JsonNode variable : stored.parts().get("graph.json").get("variables")) {
                ObjectNode node = (ObjectNode) variable;
                node.put("description", node.get("description").stringValue() + "+" + from);
            }
        }
    }

    @Test
    void migrationsRunInOrderUpToTheCurrentVersion() throws Exception {
        Path file = folder.resolve("old.recausal");
        ProjectFiles.save(ProjectFilesRoundTripTest.sample(), file);
        int saved = ProjectFormat.VERSION;
        FormatMigrations chain = new FormatMigrations(saved + 2, List.of(new Marking(saved + 1), new Marking(saved)));

        Project project;
        try (ProjectArchive archive = ProjectArchive.open(file)) {
            project = ProjectFiles.read(archive, file, chain);
        }

        assertThat(project.dag().require("user_activity").description())
                .isEqualTo("Sessions in the last 30 days+" + saved + "+" + (saved + 1));
    }

    @Test
    void filesOlderThanTheChainReachAreRefused() throws Exception {
        FormatMigrations chain = new FormatMigrations(4, List.of(new Marking(2), new Marking(3)));
        StoredProject stored = new StoredProject(PartJson.object(), Map.of("graph.json",
                PartJson.parseObject("graph.json", "{\"variables\": []}".getBytes(StandardCharsets.UTF_8))));

        assertThatThrownBy(() -> chain.upgrade(1, stored))
                .hasMessage("has format version 1, which this Recausal cannot read (it reads formats 2 to 4)");
        chain.upgrade(3, stored);
        assertThat(stored.manifest().get("formatVersion").intValue()).isEqualTo(4);
    }

    @Test
    void aChainWithAGapIsABuildError() {
        assertThatThrownBy(() -> new FormatMigrations(4, List.of(new Marking(1), new Marking(3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no migration from version 2 to 3");
        assertThatThrownBy(() -> new FormatMigrations(2, List.of(new Marking(2))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStandardChainReadsTheCurrentVersion() {
        assertThat(FormatMigrations.STANDARD.current()).isEqualTo(ProjectFormat.VERSION);
        assertThat(Files.exists(Path.of("src/test/resources/fixtures/v" + ProjectFormat.VERSION)))
                .as("every format version keeps fixtures").isTrue();
    }
}
