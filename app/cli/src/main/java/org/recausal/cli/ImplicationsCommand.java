package org.recausal.cli;

import org.recausal.engine.analysis.Independence;
import org.recausal.engine.analysis.TestableImplications;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "implications", mixinStandardHelpOptions = true,
        description = {"List the conditional independences the graph implies, as DAGitty does: for each pair of",
            "observed non-adjacent variables, each minimal observed set that separates them.",
            "Prints {\"implications\": [{\"x\", \"y\", \"given\"}], \"truncated\"}."})
final class ImplicationsCommand extends GraphCommand {
    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "List at most N (default 1000).")
    int limit;

    @Option(names = "--one-per-pair", description = "Only the nearest minimal separating set of each pair.")
    boolean onePerPair;

    @Override
    ObjectNode answer(Dag dag) {
        TestableImplications implications = new TestableImplications(dag);
        TestableImplications.Listing listing = onePerPair
                ? implications.onePerPair(limit, CancellationToken.none())
                : implications.all(limit, CancellationToken.none());
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("implications");
        for (Independence i : listing.implications()) {
            ObjectNode item = list.addObject();
            item.put("x", i.x());
            item.put("y", i.y());
            item.set("given", Json.names(i.given()));
        }
        json.put("truncated", listing.truncated());
        return json;
    }
}
