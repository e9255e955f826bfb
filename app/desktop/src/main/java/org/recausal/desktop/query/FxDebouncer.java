package org.recausal.desktop.query;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** A {@link Debouncer} on the JavaFX timeline: each request restarts the wait. Use on the UI thread only. */
public final class FxDebouncer implements Debouncer {
    private final PauseTransition pause;

    public FxDebouncer(Duration quiet) {
        pause = new PauseTransition(quiet);
    }

    @Override
    public void request(Runnable action) {
        pause.setOnFinished(event -> action.run());
        pause.playFromStart();
    }
}
