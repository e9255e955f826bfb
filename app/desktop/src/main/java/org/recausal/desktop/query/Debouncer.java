package org.recausal.desktop.query;

/**
 * Runs an action once a burst of requests has quietened down. The app waits a short while on the UI
 * thread ({@link FxDebouncer}); view-model tests run the action at once.
 */
@FunctionalInterface
public interface Debouncer {

    /** Runs {@code action} after the quiet period, unless another request comes first; then only the later one runs. */
    void request(Runnable action);
}
