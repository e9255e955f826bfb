package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Files written in format 4 must open in every later version. {@code src/test/resources/fixtures/v4/} holds a
 * project with two policy scenarios, one with its result ({@code policies.recausal}), written once by the format-4
 * writer (run with {@code -Drecausal.writeFixtures=true} only while format 4 is current). Files of formats 1 to 3
 * open through the migrations (their own fixture tests) and have no policy scenarios.
 */
class V4FixturesTest {
    private static final Path FOLDER = Path.of("src/test/resources/fixtures/v4");

    @Test
    void writeFixturesWhenAsked() throws Exception {
        if (Boolean.getBoolean("recausal.writeFixtures")) {
            Files.createDirectories(FOLDER);
            ProjectFiles.save(PolicyPersistenceTest.withPolicies(), FOLDER.resolve("policies.recausal"));
        }
    }

    @Test
    void policiesFixtureOpens() throws Exception {
        Project expected = PolicyPersistenceTest.withPolicies();
        Project opened = ProjectFiles.open(FOLDER.resolve("policies.recausal"));
        assertThat(opened.policyScenarios()).extracting(PolicyScenario::name).containsExactly("penalty", "books");
        PolicyScenario penalty = opened.policyScenario("penalty").orElseThrow();
        assertThat(penalty.result()).usingRecursiveComparison(ProjectAnalysisTest.BIT_EXACT)
                .isEqualTo(expected.policyScenario("penalty").orElseThrow().result());
        assertThat(penalty.isStale(opened)).isFalse();
    }

    @Test
    void olderFormatsOpenWithoutPolicyScenarios() throws Exception {
        for (String fixture : new String[] {"v3/analysis.recausal", "v3/everything.recausal"}) {
            Project opened = ProjectFiles.open(Path.of("src/test/resources/fixtures").resolve(fixture));
            assertThat(opened.policyScenarios()).as(fixture).isEmpty();
        }
    }
}
