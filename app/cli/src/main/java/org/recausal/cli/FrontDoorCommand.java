package org.recausal.cli;

import java.time.Duration;

import org.recausal.engine.analysis.FrontDoor;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "frontdoor", mixinStandardHelpOptions = true,
        description = {"List the minimal front-door sets (Pearl's criterion) for one exposure and one outcome.",
            "Prints {\"exists\", \"sets\", \"truncated\"}; sets never contain latent variables."})
final class FrontDoorCommand extends GraphCommand {
    @Mixin
    ExposureOutcome roles;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "List at most N sets (default 100).")
    int limit;

    @Option(names = "--seconds", defaultValue = "10", paramLabel = "S",
            description = "Stop listing after S seconds (default 10); the answer then says truncated.")
    int seconds;

    @Override
    ObjectNode answer(Dag dag) {
        FrontDoor frontDoor = FrontDoor.of(dag, single(roles.exposures(dag), "frontdoor: --exposure"),
                single(roles.outcomes(dag), "frontdoor: --outcome"));
        FrontDoor.Listing listing = frontDoor.minimalSets(limit, Duration.ofSeconds(seconds), CancellationToken.none());
        ObjectNode json = Json.object();
        json.put("exists", frontDoor.minimalSet().isPresent());
        json.set("sets", Json.sets(listing.sets()));
        json.put("truncated", listing.truncated());
        return json;
    }
}
