package org.recausal.cli;

import java.util.List;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.StoredScm;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import tools.jackson.databind.node.ObjectNode;

/**
 * The fitted model simulate and counterfactual run on: the project's stored model (saved by {@code fit --save})
 * while it is current, that is fitted on the project's graph and data as they are and with the mechanisms asked
 * for; otherwise a model fitted now.
 *
 * @param note why a stored model was not used, or null
 */
record ModelSource(FittedScm fitted, boolean stored, String note) {

    static ModelSource of(ModelInputs inputs, FitSettings settings, Dag dag, TableBinding.Bound bound)
            throws ProjectFileException {
        Project project = inputs.project();
        StoredScm saved = project == null ? null : project.scm().orElse(null);
        String note = null;
        if (saved != null) {
            List<String> changes = saved.changesSince(project);
            if (inputs.graph != null || inputs.data != null) {
                note = "the project's stored model is not for the graph and data given with --graph or --data";
            } else if (!changes.isEmpty()) {
                note = "the project's stored model is stale: " + String.join(" and ", changes)
                        + " changed since it was fitted; run fit --save to store a current one";
            } else if (settings.differsFrom(saved.fitted().options())) {
                note = "the project's stored model was fitted with other mechanisms than those asked for";
            } else {
                return new ModelSource(saved.fitted(), true, null);
            }
        }
        FittedScm fitted = ScmFitter.fit(dag, bound.observations(), settings.options(), ProgressListener.NONE,
                CancellationToken.none());
        return new ModelSource(fitted, false, note);
    }

    /** Says in a result which model it came from: {@code "model": "stored"} or {@code "fitted"}, and why. */
    void describe(ObjectNode result) {
        result.put("model", stored ? "stored" : "fitted");
        if (note != null) {
            result.put("model_note", note);
        }
    }
}
