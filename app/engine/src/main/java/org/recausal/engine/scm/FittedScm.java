package org.recausal.engine.scm;

import java.util.List;

/** A structural causal model fitted to data, with the report of every node's fit and the options used. */
public record FittedScm(StructuralCausalModel model, List<NodeFit> fits, FitOptions options, int rows) {

    public FittedScm {
        fits = List.copyOf(fits);
    }

    public NodeFit fit(String node) {
        return fits.stream().filter(f -> f.node().equals(node)).findFirst()
                .orElseThrow(() -> new ScmException("no fitted node '" + node + "'"));
    }
}
