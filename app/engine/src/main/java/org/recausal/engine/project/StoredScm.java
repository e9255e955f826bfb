package org.recausal.engine.project;

import java.util.List;
import java.util.Objects;

import org.recausal.engine.scm.FittedScm;

/**
 * The fitted structural causal model a project keeps, with what it was fitted on: reopened, it draws the same
 * samples for the same seed as before it was saved, and is reused until the graph, the data or the fit options
 * change ({@link #isStale}).
 */
public record StoredScm(FittedScm fitted, ModelFingerprint fittedOn) {

    public StoredScm {
        Objects.requireNonNull(fitted, "fitted");
        Objects.requireNonNull(fittedOn, "fittedOn");
    }

    /** The model just fitted to {@code project} (its graph and data as they are now). */
    public static StoredScm of(FittedScm fitted, Project project) {
        return new StoredScm(fitted, ModelFingerprint.of(project, fitted.options()));
    }

    /** Whether the project's graph or data (or the options) differ from those the model was fitted on. */
    public boolean isStale(Project project) {
        return !changesSince(project).isEmpty();
    }

    /** What changed since the fit, in words ("the graph", "the data"); empty when the model is current. */
    public List<String> changesSince(Project project) {
        return fittedOn.differences(ModelFingerprint.of(project, fitted.options()));
    }
}
