package org.recausal.desktop.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar.ButtonData;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real data dialogs: native file choosers, the import window and alerts, owned by the main window. */
public final class FxDataDialogs implements DataDialogs {

    private static final FileChooser.ExtensionFilter DATA = new FileChooser.ExtensionFilter(
            "Delimited text (*.csv, *.tsv, *.txt, *.gz)", "*.csv", "*.tsv", "*.txt", "*.dat", "*.gz");

    private final Window owner;
    private final List<String> stylesheets;
    private Path lastFolder;

    /** @param stylesheets the application's stylesheets, so the dialogs look like the main window */
    public FxDataDialogs(Window owner, List<String> stylesheets) {
        this.owner = owner;
        this.stylesheets = List.copyOf(stylesheets);
    }

    @Override
    public Optional<Path> chooseDataFile(Path folder) {
        FileChooser chooser = chooser("Add dataset", folder);
        chooser.getExtensionFilters().addAll(DATA, new FileChooser.ExtensionFilter("All files", "*"));
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public Optional<ImportDialogModel.Imported> showImport(ImportDialogModel model) {
        Path file = model.fileProperty().get();
        ImportDialog dialog = new ImportDialog(owner, stylesheets, model,
                () -> chooseDataFile(file == null ? null : file.getParent()));
        return dialog.showAndWait(model);
    }

    @Override
    public RelinkChoice askRelink(String dataset, String whatHappened, boolean changed) {
        ButtonType locate = new ButtonType("Locate the file\u2026", ButtonData.YES);
        ButtonType accept = new ButtonType("Use the changed file", ButtonData.OTHER);
        ButtonType leave = new ButtonType("Open without these data", ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.WARNING, whatHappened + "\n\nRecausal never reads other data in its "
                + "place without asking. Locate the file where it is now, "
                + (changed ? "use the changed file as the dataset from now on, " : "")
                + "or open the project without these data (the dataset stays, unloaded).");
        alert.initOwner(owner);
        alert.setTitle("Data file " + (changed ? "changed" : "missing"));
        alert.setHeaderText("The data of \u201c" + dataset + "\u201d "
                + (changed ? "changed" : "are not where they were"));
        alert.getButtonTypes().setAll(changed ? List.of(locate, accept, leave) : List.of(locate, leave));
        style(alert);
        ButtonType answer = alert.showAndWait().orElse(leave);
        return answer == locate ? RelinkChoice.LOCATE : answer == accept ? RelinkChoice.ACCEPT_CHANGED
                : RelinkChoice.LEAVE_UNLOADED;
    }

    @Override
    public Optional<Path> chooseRelinkFile(String dataset, String expectedName, Path folder) {
        FileChooser chooser = chooser("Where is " + expectedName + " now?", folder);
        chooser.setInitialFileName(expectedName);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("All files", "*"), DATA);
        return remember(chooser.showOpenDialog(owner));
    }

    @Override
    public void showError(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        style(alert);
        alert.showAndWait();
    }

    private void style(Alert alert) {
        alert.getDialogPane().getStylesheets().addAll(stylesheets);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setPrefWidth(560);
    }

    private FileChooser chooser(String title, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path start = folder != null ? folder : lastFolder;
        if (start != null && Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file != null && file.getParentFile() != null) {
            lastFolder = file.getParentFile().toPath();
        }
        return Optional.ofNullable(file).map(File::toPath);
    }
}
