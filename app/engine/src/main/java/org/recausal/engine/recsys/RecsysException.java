package org.recausal.engine.recsys;

/** Recommender work that cannot go on: bad interaction data, a bad model file, impossible settings. The message is for the analyst. */
public class RecsysException extends RuntimeException {
    public RecsysException(String message) {
        super(message);
    }

    public RecsysException(String message, Throwable cause) {
        super(message, cause);
    }
}
