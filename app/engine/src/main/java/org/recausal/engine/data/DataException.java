package org.recausal.engine.data;

/** A data operation that cannot go on. The message is written for the analyst and says what and where. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
