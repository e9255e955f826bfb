package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written in format 3 must open in every later version. {@code src/test/resources/fixtures/v3/} holds a
 * project with notes, scenarios and a result, written once by the format-3 writer (run with
 * {@code -Drecausal.writeFixtures=true} only while format 3 is current).
 */
class V3FixturesTest {
    private static final Path FOLDER = Path.of("src/test/resources/fixtures/v3");

    static Project analysis() {
        Project project = ProjectFilesRoundTripTest.sample();
        project.setNotes(ProjectAnalysisTest.NOTES);
        project.addScenario(ProjectAnalysisTest.raise("raise X"));
        project.addScenario(ProjectAnalysisTest.shift("shift X"));
        project.setScenarioResult(new StoredResult(ProjectAnalysisTest.result(ProjectAnalysisTest.raise("raise X"), 10),
                ProjectAnalysisTest.fingerprint('c')));
        return project;
    }

    @Test
    void writeFixturesWhenAsked(@TempDir Path scratch) throws Exception {
        if (Boolean.getBoolean("recausal.writeFixtures")) {
            Files.createDirectories(FOLDER);
            ProjectFiles.save(analysis(), FOLDER.resolve("analysis.recausal"));
        }
    }

    @Test
    void analysisFixtureOpens() throws Exception {
        Project expected = analysis();
        Project opened = ProjectFiles.open(FOLDER.resolve("analysis.recausal"));
        assertThat(opened.notes()).isEqualTo(expected.notes());
        assertThat(opened.scenarios()).containsExactlyElementsOf(expected.scenarios());
        assertThat(opened.scenarioResult("raise X").orElseThrow().result()).usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT)
                .isEqualTo(expected.scenarioResult("raise X").orElseThrow().result());
        assertThat(opened.scenarioResult("shift X")).isEmpty();
    }
}
