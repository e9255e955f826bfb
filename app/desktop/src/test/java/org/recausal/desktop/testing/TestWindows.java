package org.recausal.desktop.testing;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.recausal.desktop.window.MainWindow;

/** The real main window as the window tests show it: at one size, so that layouts and hit tests agree run to run. */
public final class TestWindows {
    private TestWindows() {
    }

    /** Sizes the window to 1280 × 800 and shows it (call on the FX thread, as TestFX's {@code @Start} does). */
    public static MainWindow show(MainWindow window) {
        window.stage().setWidth(1280);
        window.stage().setHeight(800);
        window.show();
        return window;
    }

    /** Opens an empty dialog owned by {@code node}'s window, as a dialog that opens over it would (from any thread). */
    public static Stage openDialogOver(Node node) {
        return FxWaits.fx(() -> {
            Stage dialog = new Stage();
            dialog.initOwner(node.getScene().getWindow());
            dialog.setScene(new Scene(new StackPane(), 200, 100));
            dialog.show();
            return dialog;
        });
    }
}
