package org.recausal.engine.project;

import java.util.Objects;

import org.recausal.engine.estimate.ScenarioResult;

/**
 * The last result of a scenario, with the fingerprint of the model it came from: stale once the project's model is
 * refitted to something else, removed, or itself stale.
 */
public record StoredResult(ScenarioResult result, ModelFingerprint model) {

    public StoredResult {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(model, "model");
    }

    /** The result of a scenario run on the project's current model. */
    public static StoredResult of(ScenarioResult result, StoredScm scm) {
        return new StoredResult(result, scm.fittedOn());
    }

    public String scenario() {
        return result.scenario();
    }

    public boolean isStale(Project project) {
        return project.scm().map(scm -> !scm.fittedOn().equals(model) || scm.isStale(project)).orElse(true);
    }
}
