package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

class ProjectFilesRoundTripTest {
    @TempDir
    Path folder;

    static Project sample() {
        Dag dag = new Dag();
        dag.addVariable(new Variable("user_activity", Role.ORDINARY, DataType.COUNT, "Sessions in the last 30 days", null)
                .at(120.5, 40));
        dag.addVariable(Variable.of("exposure", Role.EXPOSURE, DataType.BINARY).at(80, 160));
        dag.addVariable(new Variable("click", Role.OUTCOME, DataType.BINARY, "Clicked — «ünïcode» \"quoted\"\nsecond line", null)
                .at(100, 280));
        dag.addVariable(Variable.of("preference", Role.LATENT, DataType.CONTINUOUS).at(-20.25, 1e-3));
        dag.addEdge("user_activity", "exposure", "ranker uses activity");
        dag.addEdge("exposure", "click");
        dag.addEdge("preference", "click", "taste");
        dag.addEdge("user_activity", "click");
        return new Project("Shop — test", dag);
    }

    @Test
    void savedProjectOpensIdentical() throws Exception {
        Project project = sample();
        Path file = folder.resolve("shop" + ProjectFiles.EXTENSION);

        ProjectFiles.save(project, file);
        Project opened = ProjectFiles.open(file);

        assertThat(opened.name()).isEqualTo("Shop — test");
        assertThat(opened.dag().variables()).isEqualTo(project.dag().variables());
        assertThat(opened.dag().edges()).extracting(e -> e.from() + ">" + e.to() + ":" + e.note())
                .containsExactly("user_activity>exposure:ranker uses activity", "user_activity>click:",
                        "exposure>click:", "preference>click:taste");
    }

    @Test
    void sameProjectSavesToSameBytes() throws Exception {
        Path first = folder.resolve("a.recausal");
        Path second = folder.resolve("b.recausal");
        ProjectFiles.save(sample(), first);
        ProjectFiles.save(ProjectFiles.open(first), second);
        ProjectFiles.save(sample(), first);

        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
    }
}
