package org.recausal.desktop;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.FxDialogService;
import org.recausal.desktop.settings.ConfigDirectory;
import org.recausal.desktop.settings.RecentFiles;
import org.recausal.desktop.task.BackgroundTaskExecutor;
import org.recausal.desktop.window.MainWindow;

/** The Recausal desktop application: one main window, optionally opening the project named on the command line. */
public final class RecausalApp extends Application {
    private BackgroundTaskExecutor tasks;

    @Override
    public void start(Stage stage) {
        tasks = new BackgroundTaskExecutor();
        DialogService dialogs = new FxDialogService(stage, MainWindow.stylesheet());
        MainWindow window = MainWindow.create(stage, dialogs, tasks, new RecentFiles(ConfigDirectory.locate()));
        window.show();
        openArguments(getParameters().getRaw(), dialogs, window.model()::openFile);
        // A later launch (say, a double-clicked project file) hands its arguments to this window.
        SingleInstance.onHandOff(arguments -> Platform.runLater(() -> {
            stage.setIconified(false);
            stage.toFront();
            openArguments(arguments, dialogs, window.model()::openRecent); // asks about unsaved changes first
        }));
    }

    /** The window opens in any case; a bad argument is reported in it. */
    private static void openArguments(List<String> arguments, DialogService dialogs, Consumer<Path> open) {
        if (arguments.size() > 1) {
            dialogs.showError("Too many arguments", "Recausal opens one project at a time; got "
                    + arguments.size() + " arguments: " + String.join(" ", arguments));
        } else if (arguments.size() == 1) {
            try {
                open.accept(Path.of(arguments.getFirst()));
            } catch (InvalidPathException e) {
                dialogs.showError("Cannot open " + arguments.getFirst(), "This is not a valid file name: "
                        + e.getReason() + ".");
            }
        }
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
