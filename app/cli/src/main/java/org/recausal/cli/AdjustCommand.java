package org.recausal.cli;

import java.util.ArrayList;
import java.util.List;

import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.analysis.AdjustmentResult;
import org.recausal.engine.dag.Dag;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "adjust", mixinStandardHelpOptions = true,
        description = {"List the minimal sufficient adjustment sets for the effect of the exposures on the outcomes.",
            "Prints {\"identifiable\", \"emptySetSuffices\", \"sets\", \"truncated\"} and, when no set exists, \"reason\"."})
final class AdjustCommand extends GraphCommand {
    enum EffectName { total, direct }

    @Mixin
    ExposureOutcome roles;

    @Option(names = "--include", split = ",", paramLabel = "V", description = "Variables every set must contain.")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", split = ",", paramLabel = "V", description = "Variables no set may contain.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--effect", defaultValue = "total", paramLabel = "KIND",
            description = "total (default) or direct effect.")
    EffectName effect;

    @Option(names = "--limit", defaultValue = "1000", paramLabel = "N", description = "List at most N sets (default 1000).")
    int limit;

    @Override
    ObjectNode answer(Dag dag) {
        List<String> x = roles.exposures(dag);
        List<String> y = roles.outcomes(dag);
        AdjustmentAnalysis analysis = (effect == EffectName.total
                ? AdjustmentAnalysis.totalEffect(dag, x, y) : AdjustmentAnalysis.directEffect(dag, x, y))
                .mustInclude(include).mustExclude(exclude);
        AdjustmentResult result = analysis.minimalSets(limit);
        ObjectNode json = Json.object();
        json.put("identifiable", !(result instanceof AdjustmentResult.NoAdjustmentSet));
        json.put("emptySetSuffices", result instanceof AdjustmentResult.EmptySetSuffices);
        switch (result) {
            case AdjustmentResult.EmptySetSuffices e -> {
                json.set("sets", Json.sets(List.of(e.alreadyAdjusted())));
                json.put("truncated", false);
            }
            case AdjustmentResult.AdjustmentSets s -> {
                json.set("sets", Json.sets(s.sets()));
                json.put("truncated", s.truncated());
            }
            case AdjustmentResult.NoAdjustmentSet none -> {
                json.set("sets", Json.sets(List.of()));
                json.put("truncated", false);
                json.put("reason", "not identifiable by adjustment: " + none.reason());
            }
        }
        return json;
    }
}
