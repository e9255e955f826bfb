package org.recausal.desktop.query;

/** A {@link Debouncer} that waits until the test says the quiet time has passed. */
final class ManualDebouncer implements Debouncer {
    private Runnable pending;
    private int requests;

    @Override
    public void request(Runnable action) {
        pending = action;
        requests++;
    }

    /** The quiet time has passed: runs the latest requested action, if any. */
    void fire() {
        Runnable action = pending;
        pending = null;
        if (action != null) {
            action.run();
        }
    }

    boolean waiting() {
        return pending != null;
    }

    int requests() {
        return requests;
    }
}
