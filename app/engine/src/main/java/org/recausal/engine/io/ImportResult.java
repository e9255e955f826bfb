package org.recausal.engine.io;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.recausal.engine.bn.DiscreteBayesNet;
import org.recausal.engine.dag.Dag;

/**
 * What an import produced: a new graph, the things the analyst should know about (renamed variables,
 * bidirected edges turned into latent causes, ignored attributes), whether every variable came with a
 * canvas position (otherwise the caller lays the graph out), and the probability tables when the
 * format carries them (BIF).
 */
public record ImportResult(Dag dag, List<String> warnings, boolean hasPositions, Optional<DiscreteBayesNet> bayesNet) {

    public ImportResult {
        Objects.requireNonNull(dag, "dag");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(bayesNet, "bayesNet");
    }

    public ImportResult(Dag dag, List<String> warnings, boolean hasPositions) {
        this(dag, warnings, hasPositions, Optional.empty());
    }
}
