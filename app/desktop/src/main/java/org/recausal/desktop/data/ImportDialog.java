package org.recausal.desktop.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The import dialog as a window: {@code import-dialog.fxml} on a modal stage over the main window. */
public final class ImportDialog {

    static final String UI = "/org/recausal/desktop/ui/";

    private final Stage stage = new Stage();
    private final ImportDialogController controller;

    public ImportDialog(Window owner, List<String> stylesheets, ImportDialogModel model,
            Supplier<Optional<Path>> chooseFile) {
        controller = new ImportDialogController(model, chooseFile);
        FXMLLoader loader = new FXMLLoader(resource("import-dialog.fxml"));
        loader.setControllerFactory(_ -> controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load import-dialog.fxml", e);
        }
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.setTitle("Add dataset");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setMinWidth(760);
        stage.setMinHeight(520);
        controller.setOnClose(stage::close);
        stage.setOnCloseRequest(_ -> model.dispose());
    }

    /** Shows the dialog and waits; the import if the analyst added it. */
    public Optional<ImportDialogModel.Imported> showAndWait(ImportDialogModel model) {
        stage.showAndWait();
        return controller.accepted() ? Optional.ofNullable(model.importedProperty().get()) : Optional.empty();
    }

    public Stage stage() {
        return stage;
    }

    /** The data views' stylesheet. */
    public static String stylesheet() {
        return resource("data.css").toExternalForm();
    }

    static java.net.URL resource(String name) {
        return Objects.requireNonNull(ImportDialog.class.getResource(UI + name), () -> UI + name + " is missing");
    }
}
