package org.recausal.desktop.recsys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Train dialog as a window: {@code train-dialog.fxml} on a modal stage over the main window. */
public final class TrainDialog {
    private static final String UI = "/org/recausal/desktop/ui/";

    private final Stage stage = new Stage();
    private final TrainDialogController controller;
    private final TrainDialogModel model;

    public TrainDialog(Window owner, List<String> stylesheets, TrainDialogModel model) {
        this.model = model;
        controller = new TrainDialogController(model);
        FXMLLoader loader = new FXMLLoader(Objects.requireNonNull(TrainDialog.class.getResource(UI + "train-dialog.fxml"),
                "train-dialog.fxml is missing"));
        loader.setControllerFactory(_ -> controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load train-dialog.fxml", e);
        }
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setTitle("Train a recommender");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        controller.setOnClose(stage::close);
        // SASRec and the factorisations show different settings: fit the window to the ones shown, after layout.
        model.kindProperty().addListener((_, _, _) -> Platform.runLater(stage::sizeToScene));
    }

    /** Shows the dialog and waits; the settings when the analyst pressed Train. */
    public Optional<TrainSettings> showAndWait() {
        stage.showAndWait();
        return controller.accepted() ? Optional.ofNullable(model.settings()) : Optional.empty();
    }

    public Stage stage() {
        return stage;
    }
}
