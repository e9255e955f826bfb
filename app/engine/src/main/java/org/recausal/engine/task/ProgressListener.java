package org.recausal.engine.task;

/**
 * Receives progress of a long task (import, fitting, training). Called on the worker thread; a user interface
 * must hand the values over to its own thread.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores all progress. */
    ProgressListener NONE = (fraction, message) -> { };

    /**
     * @param fraction share of the work done, from 0 to 1
     * @param message  what is being done, for the analyst
     */
    void progress(double fraction, String message);
}
