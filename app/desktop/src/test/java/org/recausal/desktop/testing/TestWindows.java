package org.recausal.desktop.testing;

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
}
