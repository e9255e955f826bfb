package org.recausal.cli;

import java.util.List;

import org.recausal.engine.analysis.AdjustmentResult;
import org.recausal.engine.analysis.Identification;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "identify", mixinStandardHelpOptions = true,
        description = {"Whether the total effect is identifiable from the observed variables: by adjustment, else by the",
            "front door, else not by these. Prints {\"identifiable\", \"strategy\", \"sets\", \"explanation\"} with strategy",
            "one of no-causal-path, no-adjustment-needed, adjustment, front-door, none."})
final class IdentifyCommand extends GraphCommand {
    @Mixin
    ExposureOutcome roles;

    @Override
    ObjectNode answer(Dag dag) {
        Identification answer = Identification.of(dag, roles.exposures(dag), roles.outcomes(dag),
                Identification.Limits.DEFAULT, CancellationToken.none());
        ObjectNode json = Json.object();
        json.put("identifiable", answer.identifiable());
        switch (answer) {
            case Identification.NoCausalPath n -> {
                json.put("strategy", "no-causal-path");
                json.set("sets", Json.sets(List.of()));
            }
            case Identification.ByAdjustment a when a.result() instanceof AdjustmentResult.AdjustmentSets s -> {
                json.put("strategy", "adjustment");
                json.set("sets", Json.sets(s.sets()));
            }
            case Identification.ByAdjustment a -> {
                json.put("strategy", "no-adjustment-needed");
                json.set("sets", Json.sets(List.of(List.of())));
            }
            case Identification.ByFrontDoor f -> {
                json.put("strategy", "front-door");
                json.set("sets", Json.sets(f.frontDoor().sets()));
            }
            case Identification.NotIdentified n -> {
                json.put("strategy", "none");
                json.set("sets", Json.sets(List.of()));
            }
        }
        json.put("explanation", answer.explanation());
        return json;
    }
}
