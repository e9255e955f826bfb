package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * Files written in format 1 must open in every later version. The fixtures under
 * {@code src/test/resources/fixtures/v1/} were written once by the format-1 writer and are kept forever;
 * never regenerate them after the format changes (run with {@code -Drecausal.writeFixtures=true} only
 * while format 1 is current and a fixture is added).
 */
class V1FixturesTest {
    private static final Path FOLDER = Path.of("src/test/resources/fixtures/v1");

    static Project minimal() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("x"));
        return new Project("minimal", dag);
    }

    /** Every role and type, a note, unicode, multi-line text and fractional and negative positions. */
    static Project everything() {
        Dag dag = new Dag();
        Role[] roles = Role.values();
        DataType[] types = DataType.values();
        for (int i = 0; i < roles.length; i++) {
            DataType type = types[i % types.length];
            dag.addVariable(new Variable("v_" + roles[i].id(), roles[i], type,
                    "a " + type.id() + " variable,\nrole «" + roles[i].label() + "»", null).at(i * 37.5 - 40, -i * 1.25));
        }
        dag.addVariable(Variable.of("größe", Role.ORDINARY, DataType.TIMESTAMP).at(1e6, 0.1));
        dag.addEdge("v_exposure", "v_outcome", "the effect asked about");
        dag.addEdge("v_latent", "v_exposure");
        dag.addEdge("v_latent", "v_outcome", "unmeasured \"confounding\"");
        dag.addEdge("v_outcome", "v_selection");
        dag.addEdge("v_ordinary", "v_adjusted");
        dag.addEdge("v_adjusted", "v_outcome");
        dag.addEdge("größe", "v_exposure");
        return new Project("Every role & type — ∂", dag);
    }

    @Test
    void writeFixturesWhenAsked() throws Exception {
        if (Boolean.getBoolean("recausal.writeFixtures")) {
            Files.createDirectories(FOLDER);
            ProjectFiles.save(minimal(), FOLDER.resolve("minimal.recausal"));
            ProjectFiles.save(everything(), FOLDER.resolve("everything.recausal"));
        }
    }

    @Test
    void minimalFixtureOpens() throws Exception {
        assertSameProject(ProjectFiles.open(FOLDER.resolve("minimal.recausal")), minimal());
    }

    @Test
    void everythingFixtureOpens() throws Exception {
        assertSameProject(ProjectFiles.open(FOLDER.resolve("everything.recausal")), everything());
    }

    private static void assertSameProject(Project opened, Project expected) {
        assertThat(opened.name()).isEqualTo(expected.name());
        assertThat(opened.dag().variables()).isEqualTo(expected.dag().variables());
        assertThat(opened.dag().edges()).extracting(e -> e.from() + " -> " + e.to() + " : " + e.note())
                .containsExactlyElementsOf(expected.dag().edges().stream()
                        .map(e -> e.from() + " -> " + e.to() + " : " + e.note()).toList());
    }
}
