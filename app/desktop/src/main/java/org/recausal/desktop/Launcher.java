package org.recausal.desktop;

import java.util.List;

import javafx.application.Application;

import org.recausal.desktop.settings.ConfigDirectory;

/**
 * Starts the desktop app from a plain classpath ({@code java -cp ... org.recausal.desktop.Launcher [PROJECT]}).
 * JavaFX refuses to launch a main class that itself extends {@code Application} unless the JavaFX
 * modules are on the module path, hence this separate class. A launch while the same user's Recausal
 * runs hands its project file to that window and exits ({@link SingleInstance}).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (SingleInstance.handOff(ConfigDirectory.locate(), List.of(args))) {
            return;
        }
        Application.launch(RecausalApp.class, args);
    }
}
