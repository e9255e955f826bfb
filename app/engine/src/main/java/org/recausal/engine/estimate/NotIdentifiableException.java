package org.recausal.engine.estimate;

import org.recausal.engine.scm.ScmException;

/** The graph does not let the effect be computed from the data; the message says why. No number is given. */
public class NotIdentifiableException extends ScmException {
    public NotIdentifiableException(String message) {
        super(message);
    }
}
