package org.recausal.engine.project;

import java.util.Objects;

import org.recausal.engine.policy.PolicyRequest;
import org.recausal.engine.policy.PolicyResult;

/**
 * A recommendation policy kept in the project to compare with others: what to simulate (the policy, the ranking's
 * variables, the outcomes, draws, replicates, interval level, seed and mechanism fit) and, once run, its last
 * result with the fingerprint of the graph, data and fit options it was simulated on. Saved results keep the metrics,
 * the off-policy estimates and the notes; the per-row uplifts are recomputed by running it again.
 *
 * @param name     the analyst's name for it, unique in the project
 * @param model    the id of the project recommender whose scores a swap-model policy serves; null otherwise
 * @param result   the last result, or null
 * @param fittedOn what {@code result} was simulated on; null exactly when {@code result} is
 */
public record PolicyScenario(String name, PolicyRequest request, String model, PolicyResult result,
        ModelFingerprint fittedOn) {

    public PolicyScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a policy scenario needs a name");
        }
        if ((result == null) != (fittedOn == null)) {
            throw new IllegalArgumentException("a policy result needs the fingerprint of what it was simulated on");
        }
    }

    /** A scenario not run yet. */
    public static PolicyScenario of(String name, PolicyRequest request, String model) {
        return new PolicyScenario(name, request, model, null, null);
    }

    /** This scenario with the result of running it on the project as it is now. */
    public PolicyScenario withResult(PolicyResult newResult, Project project) {
        return new PolicyScenario(name, request, model, newResult, ModelFingerprint.of(project, request.fit()));
    }

    /** Whether it has a result and the graph, the data or the fit options changed since it was computed. */
    public boolean isStale(Project project) {
        return result != null && !fittedOn.equals(ModelFingerprint.of(project, request.fit()));
    }
}
