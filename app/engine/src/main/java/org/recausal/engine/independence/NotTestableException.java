package org.recausal.engine.independence;

/** The data cannot test this independence at all (too few rows, a variable with one value...); says why. */
public class NotTestableException extends RuntimeException {
    public NotTestableException(String reason) {
        super(reason);
    }
}
