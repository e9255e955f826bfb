package org.recausal.cli;

import java.util.List;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

import picocli.CommandLine.Option;

/** {@code --exposure} and {@code --outcome}, defaulting to the variables marked so in the graph (a picocli mixin). */
final class ExposureOutcome {
    @Option(names = "--exposure", split = ",", paramLabel = "X",
            description = "Exposure variable(s), comma-separated; default: those marked in the graph.")
    List<String> exposures;

    @Option(names = "--outcome", split = ",", paramLabel = "Y",
            description = "Outcome variable(s), comma-separated; default: those marked in the graph.")
    List<String> outcomes;

    List<String> exposures(Dag dag) {
        return GraphCommand.orRole(exposures, dag, Role.EXPOSURE, "--exposure");
    }

    List<String> outcomes(Dag dag) {
        return GraphCommand.orRole(outcomes, dag, Role.OUTCOME, "--outcome");
    }
}
