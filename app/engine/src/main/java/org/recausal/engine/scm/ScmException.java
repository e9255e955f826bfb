package org.recausal.engine.scm;

/**
 * A request the model cannot answer as asked: a variable without data, an intervention that does not fit the
 * variable, a question a model fitted on observed data would answer wrongly. The message says what and why.
 */
public class ScmException extends RuntimeException {
    public ScmException(String message) {
        super(message);
    }

    public ScmException(String message, Throwable cause) {
        super(message, cause);
    }
}
