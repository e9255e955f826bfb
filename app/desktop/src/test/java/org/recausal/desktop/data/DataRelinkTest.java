package org.recausal.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

/**
 * Projects whose referenced data file moved or changed: the panel asks, says what changed, and never reads other
 * data in place of the data attached.
 */
class DataRelinkTest {

    @TempDir
    Path dir;

    private final ScriptedDataDialogs dialogs = new ScriptedDataDialogs();
    private final DataPanelModel model = new DataPanelModel(dialogs, new SameThreadExecutor(), DataFixtures.NOW);
    private final List<String> changes = new ArrayList<>();

    DataRelinkTest() {
        model.setOnDataChanged(() -> changes.add("changed"));
    }

    /** Saves a project with the chain graph and {@code data} attached by reference; returns the project file. */
    private Path savedProject(Path data) throws Exception {
        Dag dag = DataFixtures.chain();
        DataFixtures.show(model, dag);
        model.add(DataFixtures.imported(data, DatasetRole.INTERACTIONS, null, Storage.REFERENCE));
        Path file = dir.resolve("chain.recausal");
        ProjectFiles.save(model.project(), file);
        return file;
    }

    private void open(Path projectFile) throws Exception {
        Project project = ProjectFiles.open(projectFile);
        model.setProject(project, new EditHistory(project.dag()));
    }

    @Test
    void aProjectWhoseDataAreInPlaceLoadsThemWithoutAsking() throws Exception {
        Path data = DataFixtures.chainData(dir, "sim.csv", 300, 0, 1);
        Path project = savedProject(data);
        changes.clear();

        open(project);

        DatasetEntry entry = model.getDatasets().getFirst();
        assertThat(entry.loaded()).isTrue();
        assertThat(entry.table().rowCount()).isEqualTo(300);
        assertThat(model.getCards()).hasSize(4);
        assertThat(dialogs.relinkQuestions()).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void aMovedFileIsAskedForAndRelinked() throws Exception {
        Path data = DataFixtures.chainData(dir, "sim.csv", 300, 0, 1);
        Path project = savedProject(data);
        Path moved = Files.move(data, Files.createDirectory(dir.resolve("moved")).resolve("sim.csv"));
        changes.clear();
        dialogs.answerRelink(DataDialogs.RelinkChoice.LOCATE).answerRelinkFile(moved);

        open(project);

        assertThat(dialogs.relinkQuestions()).singleElement().satisfies(q -> {
            assertThat(q.dataset()).isEqualTo("sim");
            assertThat(q.changed()).isFalse();
            assertThat(q.text()).contains(data.toString()).contains("is missing");
        });
        DatasetEntry entry = model.getDatasets().getFirst();
        assertThat(entry.loaded()).isTrue();
        assertThat(entry.file()).isEqualTo(moved);
        assertThat(((DatasetSource.Referenced) model.project().dataset("sim").orElseThrow().source()).file())
                .isEqualTo(moved);
        assertThat(changes).as("a relinked project has unsaved changes").isNotEmpty();
    }

    @Test
    void aChangedFileIsNeverReadUnlessTheAnalystAcceptsIt() throws Exception {
        Path data = DataFixtures.chainData(dir, "sim.csv", 300, 0, 1);
        Path project = savedProject(data);
        DataFixtures.chainData(dir, "sim.csv", 250, 0, 2);
        dialogs.answerRelink(DataDialogs.RelinkChoice.LEAVE_UNLOADED);

        open(project);

        DataRelinkTest.assertChangedQuestion(dialogs.relinkQuestions().getFirst());
        DatasetEntry entry = model.getDatasets().getFirst();
        assertThat(entry.loaded()).isFalse();
        assertThat(entry.unloadedProperty().get()).contains("changed since it was attached")
                .contains("stays in the project, without data");
        // The mapping still shows (the project knows the columns), but the check has no data to test.
        assertThat(model.getMappingRows()).extracting(MappingRow::column).containsExactly("a", "b", "c", "d");
        model.runCheck();
        assertThat(model.check().errorProperty().get()).contains("no dataset is loaded");

        // Later, from the panel's Relink button: this time the analyst takes the changed file.
        dialogs.answerRelink(DataDialogs.RelinkChoice.ACCEPT_CHANGED);
        model.relink(entry);
        assertThat(entry.loaded()).isTrue();
        assertThat(entry.table().rowCount()).isEqualTo(250);
        assertThat(model.project().dataset("sim").orElseThrow().source().fingerprint().size())
                .isEqualTo(Files.size(data));
    }

    @Test
    void pointingAtAFileWithOtherDataAsksAgainAndSaysSo() throws Exception {
        Path data = DataFixtures.chainData(dir, "sim.csv", 300, 0, 1);
        Path project = savedProject(data);
        Files.delete(data);
        Path other = DataFixtures.chainData(dir, "other.csv", 300, 0, 9);
        dialogs.answerRelink(DataDialogs.RelinkChoice.LOCATE).answerRelinkFile(other)
                .answerRelink(DataDialogs.RelinkChoice.LEAVE_UNLOADED);

        open(project);

        assertThat(dialogs.relinkQuestions()).hasSize(2);
        assertThat(dialogs.relinkQuestions().get(0).changed()).isFalse();
        DataRelinkTest.assertChangedQuestion(dialogs.relinkQuestions().get(1));
        assertThat(dialogs.relinkQuestions().get(1).text()).contains(other.toString());
        assertThat(model.getDatasets().getFirst().loaded()).isFalse();
        assertThat(((DatasetSource.Referenced) model.project().dataset("sim").orElseThrow().source()).file())
                .as("the project still names the file attached").isEqualTo(data);
    }

    private static void assertChangedQuestion(ScriptedDataDialogs.Question question) {
        assertThat(question.changed()).isTrue();
        assertThat(question.text()).contains("changed since it was attached").contains("SHA-256");
    }
}
