package org.recausal.engine.dag;

/** An edit the graph refuses. The message is written for the analyst and says what and where. */
public class DagException extends RuntimeException {
    public DagException(String message) {
        super(message);
    }
}
