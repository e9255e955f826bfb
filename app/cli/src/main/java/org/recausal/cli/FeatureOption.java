package org.recausal.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.features.TraitSelection;

import picocli.CommandLine.Option;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Which user and item traits SASRec reads besides the history (a picocli mixin): {@code dag}, the project graph's
 * observed ancestors of the exposure that are traits, or named variables or columns. A plain interaction file has
 * no graph, so {@code dag} needs a project; named columns work on a CSV log with a header too.
 */
final class FeatureOption {
    static final String DAG = "dag";

    @Option(names = "--features", paramLabel = "dag|A,B,...",
            description = {"Side features: 'dag' for the variables of the project's graph that feed the recommender's",
                "decision (observed ancestors of the exposure, constant per user or per item), or a comma-separated list",
                "of variables or columns. Default: none (history only)."})
    String features;

    boolean requested() {
        return features != null;
    }

    /**
     * The traits for the log's users and items.
     * @throws CommandFailure when {@code dag} is asked of a plain file, or no variable is usable
     */
    TraitSelection.Selection select(InteractionSource data, Interactions log) throws ProjectFileException {
        TraitSelection.Selection selection;
        if (features.equals(DAG)) {
            if (!data.isProject()) {
                throw new CommandFailure("--features dag reads the project's graph; " + data.data.getFileName()
                        + " is an interaction file without one (name its columns instead: --features a,b,c)");
            }
            MappedTable joined = data.joinedTable();
            selection = TraitSelection.fromDag(data.project().dag(), joined.table(), joined.mapping(), log.users(),
                    log.items());
        } else {
            List<String> names = Arrays.stream(features.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (names.isEmpty()) {
                throw new CommandFailure("--features needs 'dag' or a comma-separated list of variables or columns");
            }
            if (data.isProject()) {
                MappedTable joined = data.joinedTable();
                selection = TraitSelection.explicit(names, data.project().dag(), joined.table(), joined.mapping(),
                        log.users(), log.items());
            } else {
                selection = TraitSelection.explicit(names, null, data.table(), null, log.users(), log.items());
            }
        }
        if (selection.features() == null) {
            throw new CommandFailure("no user or item trait to read: " + (selection.skipped().isEmpty() ? "the graph's"
                    + " exposure has no observed ancestor" : selection.skipped().stream()
                    .map(s -> s.name() + " (" + s.reason() + ")").collect(Collectors.joining("; "))));
        }
        return selection;
    }

    /** The traits used, with their encodings, and those skipped with the reasons. */
    static ObjectNode toJson(TraitSelection.Selection selection) {
        ObjectNode node = Json.object();
        ArrayNode used = node.putArray("used");
        for (FeatureEncoding e : selection.features().variables()) {
            ObjectNode o = used.addObject().put("name", e.name()).put("of", e.side() == FeatureEncoding.Side.USER
                    ? "user" : "item");
            if (e.categorical()) {
                o.put("encoding", "one-hot");
                o.put("reference", e.levels().get(0));
                o.put("levels", e.levels().size());
            } else {
                o.put("encoding", e.log1p() ? "log1p, standardised" : "standardised");
            }
        }
        ArrayNode skipped = node.putArray("skipped");
        selection.skipped().forEach(s -> skipped.addObject().put("name", s.name()).put("reason", s.reason()));
        return node;
    }
}
