package org.recausal.desktop;

import javafx.application.Application;

/**
 * Starts the desktop app from a plain classpath ({@code java -cp ... org.recausal.desktop.Launcher [PROJECT]}).
 * JavaFX refuses to launch a main class that itself extends {@code Application} unless the JavaFX
 * modules are on the module path, hence this separate class.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(RecausalApp.class, args);
    }
}
