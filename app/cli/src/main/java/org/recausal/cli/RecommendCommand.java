package org.recausal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.AttentionMap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"The top K items for a user, leaving out what the user already has; SASRec can add its attention weights.",
            "--model names a model file or a recommender stored in --project."})
final class RecommendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    TrainedModelSource models;

    @Option(names = "--user", required = true, paramLabel = "U", description = "The user's id as in the training data.")
    String user;

    @Option(names = "--k", defaultValue = "10", description = "How many items (default 10).")
    int k;

    @Option(names = "--attention", description = "SASRec only: add the attention of the latest item over the history, per block and head.")
    boolean attention;

    @Option(names = "--json", description = "Print JSON (the default output is a list).")
    boolean json;

    @Override
    public Integer call() throws ProjectFileException {
        TrainedModelSource.Chosen chosen = models.choose(models.project == null ? null : ProjectFiles.open(models.project),
                models.project);
        StoredModel stored = chosen.model();
        List<StoredModel.Recommendation> list = stored.recommend(user, k);
        ObjectNode result = Json.object();
        result.put("user", user);
        chosen.describe(result);
        ArrayNode items = result.putArray("items");
        for (StoredModel.Recommendation r : list) {
            items.addObject().put("item", r.item()).put("score", r.score());
        }
        if (attention) {
            AttentionMap map = stored.sasrec().attention(stored.histories()[stored.users().indexOf(user)]);
            ObjectNode node = result.putObject("attention");
            ArrayNode window = node.putArray("history");
            map.items().forEach(window::add);
            ArrayNode blocks = node.putArray("lastItemWeights");
            for (int b = 0; b < map.blocks(); b++) {
                ArrayNode heads = blocks.addArray();
                for (int h = 0; h < map.heads(); h++) {
                    ArrayNode row = heads.addArray();
                    for (float w : map.lastRow(b, h)) {
                        row.add(w);
                    }
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, result);
        } else {
            for (int r = 0; r < list.size(); r++) {
                out.printf("%2d. %s  (%.4f)%n", r + 1, list.get(r).item(), list.get(r).score());
            }
        }
        return Cli.EXIT_OK;
    }
}
