package org.recausal.cli;

import org.recausal.engine.analysis.Instrument;
import org.recausal.engine.analysis.InstrumentalVariables;
import org.recausal.engine.dag.Dag;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "instruments", mixinStandardHelpOptions = true,
        description = {"List instruments and conditional instruments for one exposure and one outcome, as DAGitty does.",
            "Prints {\"instruments\": [{\"instrument\", \"given\"}]} in the graph's variable order."})
final class InstrumentsCommand extends GraphCommand {
    @Mixin
    ExposureOutcome roles;

    @Override
    ObjectNode answer(Dag dag) {
        String x = single(roles.exposures(dag), "instruments: --exposure");
        String y = single(roles.outcomes(dag), "instruments: --outcome");
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("instruments");
        for (Instrument i : InstrumentalVariables.of(dag, x, y)) {
            ObjectNode item = list.addObject();
            item.put("instrument", i.instrument());
            item.set("given", Json.names(i.given()));
        }
        return json;
    }
}
