package org.recausal.desktop;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
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
        // The window opens in any case; a bad argument is reported in it.
        List<String> arguments = getParameters().getRaw();
        if (arguments.size() > 1) {
            dialogs.showError("Too many arguments", "Recausal opens one project at a time; got "
                    + arguments.size() + " arguments: " + String.join(" ", arguments));
        } else if (arguments.size() == 1) {
            try {
                window.model().openFile(Path.of(arguments.getFirst()));
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
