package org.recausal.cli;

import java.util.ArrayList;
import java.util.List;

import org.recausal.engine.analysis.DSeparation;
import org.recausal.engine.dag.Dag;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "dsep", mixinStandardHelpOptions = true,
        description = "Whether the --x and --y variables are d-separated given --given. Prints {\"separated\": true|false}.")
final class DSeparationCommand extends GraphCommand {
    @Option(names = "--x", required = true, split = ",", paramLabel = "A", description = "First set of variables.")
    List<String> x;

    @Option(names = "--y", required = true, split = ",", paramLabel = "B", description = "Second set of variables.")
    List<String> y;

    @Option(names = "--given", split = ",", paramLabel = "C", description = "Conditioning set (default: empty).")
    List<String> given = new ArrayList<>();

    @Override
    ObjectNode answer(Dag dag) {
        ObjectNode json = Json.object();
        json.put("separated", new DSeparation(dag).isSeparated(x, y, given));
        return json;
    }
}
