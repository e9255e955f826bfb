package org.recausal.desktop.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.recausal.desktop.data.DataPanelModel;
import org.recausal.desktop.data.DatasetRole;
import org.recausal.desktop.data.ImportDialogModel;
import org.recausal.desktop.data.NodeChoice;
import org.recausal.desktop.window.MainWindow;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.project.DatasetSource;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFiles;

/** Puts the known SCM's graph and data into a real main window, as the analyst would have it after importing. */
final class SimulateWindowSetup {

    private SimulateWindowSetup() {
    }

    /** Saves the graph as a project file for {@code window.model().openFile}. */
    static Path project(Path dir) {
        try {
            Path file = Files.createTempDirectory(dir, "project").resolve("shop.recausal");
            ProjectFiles.save(new Project("shop", SimulateFixtures.dag()), file);
            return file;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** On the UI thread: attaches the data as a dataset and maps its {@code treated} column to t. */
    static void attachData(MainWindow window, Path dir, int rows) {
        Path file = SimulateFixtures.data(dir, rows, 7);
        ImportResult result = TableReader.read(file);
        DatasetSource source;
        try {
            source = DatasetSource.embed(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DataPanelModel data = window.dataPanel().model();
        data.add(new ImportDialogModel.Imported(file, "shop", DatasetRole.INTERACTIONS, source,
                ImportOptions.defaults(), result, ColumnInfo.of(result.table()), null));
        data.chooseNode("treated", NodeChoice.node("t"));
    }
}
