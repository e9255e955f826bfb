package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Files written in format 2 must open in every later version. {@code src/test/resources/fixtures/v2/} holds a
 * project with an embedded dataset, a referenced one ({@code attributes/users.csv} next to it) joined to it, an
 * explicit mapping and non-default import options, and a project without data. They were written once by the
 * format-2 writer (run with {@code -Drecausal.writeFixtures=true} only while format 2 is current).
 */
class V2FixturesTest {
    private static final Path FOLDER = Path.of("src/test/resources/fixtures/v2");

    /** A project embedding {@code folder/interactions.csv} (written here) and referring to the fixtures' users. */
    static Project withData(Path folder) throws Exception {
        Path named = Files.writeString(folder.resolve("interactions.csv"), ProjectDatasetsTest.INTERACTIONS);
        Path users = FOLDER.resolve("attributes/users.csv");
        Project project = new Project("Shop with data", ProjectDatasetsTest.graph());
        project.addDataset(ProjectDatasetsTest.dataset("interactions", DatasetSource.embed(named), named,
                ColumnMapping.automatic().withLink("clicked", "click").withExcluded("item"), null));
        Dataset joined = ProjectDatasetsTest.dataset("users", DatasetSource.reference(users), users,
                ColumnMapping.automatic(), new DatasetJoin("interactions", "user", "user"));
        project.addDataset(new Dataset(joined.id(), "User attributes", joined.source(),
                ImportOptions.defaults().withColumnType("age", ColumnType.INTEGER).withMissingTokens("", "-"),
                joined.columns(), joined.mapping(), joined.join()));
        return project;
    }

    @Test
    void writeFixturesWhenAsked(@org.junit.jupiter.api.io.TempDir Path scratch) throws Exception {
        if (Boolean.getBoolean("recausal.writeFixtures")) {
            Files.createDirectories(FOLDER.resolve("attributes"));
            Files.writeString(FOLDER.resolve("attributes/users.csv"), ProjectDatasetsTest.USERS);
            ProjectFiles.save(withData(scratch), FOLDER.resolve("with-data.recausal"));
            ProjectFiles.save(V1FixturesTest.minimal(), FOLDER.resolve("minimal.recausal"));
        }
    }

    @Test
    void minimalFixtureOpens() throws Exception {
        Project opened = ProjectFiles.open(FOLDER.resolve("minimal.recausal"));
        assertThat(opened.dag().names()).containsExactly("x");
        assertThat(opened.datasets()).isEmpty();
    }

    @Test
    void fixtureWithDataOpensChecksAndLoads() throws Exception {
        OpenedProject opened = ProjectFiles.openChecked(FOLDER.resolve("with-data.recausal"));
        assertThat(opened.allDataOk()).isTrue();
        Project project = opened.project();
        assertThat(project.datasets()).extracting(Dataset::id, Dataset::name, Dataset::embedded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("interactions", "interactions", true),
                        org.assertj.core.groups.Tuple.tuple("users", "User attributes", false));
        Dataset users = project.dataset("users").orElseThrow();
        assertThat(users.options().columnTypes()).containsEntry("age", ColumnType.INTEGER);
        assertThat(users.options().missingTokens()).containsExactlyInAnyOrder("", "-");
        assertThat(project.dataset("interactions").orElseThrow().mapping().excluded()).containsExactly("item");

        ProjectData data = ProjectData.load(project, ProgressListener.NONE, new CancellationToken());
        MappedTable table = data.tables().getFirst();
        Table rows = table.table();
        assertThat(rows.rowCount()).isEqualTo(5);
        assertThat(rows.labels("segment").label(1)).isEqualTo("south");
        assertThat(table.mapping().column("click")).contains("clicked");
        assertThat(table.mapping().unmappedColumns()).contains("item");
    }
}
