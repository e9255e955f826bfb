package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.ips.PropensityTable;
import org.recausal.engine.recsys.metrics.EvaluationReport;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.recsys.metrics.RatingMetrics;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model. Ranking models (sasrec, bpr): the log they were trained on, split the same way",
            "(leave-one-out), each user's last item ranked by HR@K, NDCG@K, Recall@K, MRR, with coverage, popularity",
            "and Gini of the top-K and the same per user group. Rating models (mf): MSE and MAE on the given ratings,",
            "with IPS and SNIPS estimates when --propensities is given."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "Model file.")
    Path modelFile;

    @Mixin
    InteractionSource data;

    @Option(names = "--protocol", defaultValue = "sampled100", paramLabel = "sampled100|full",
            description = "Rank against 100 sampled unconsumed items (SASRec's protocol) or all (default sampled100).")
    String protocol;

    @Option(names = "--k", split = ",", defaultValue = "10", paramLabel = "K", description = "Cut-offs (default 10).")
    List<Integer> ks;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the sampled negatives (default 1).")
    long seed;

    @Option(names = "--propensities", paramLabel = "FILE", description = "Propensities for IPS-weighted estimates.")
    Path propensities;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--json", description = "Print JSON (the default output is a short table).")
    boolean json;

    @Override
    public Integer call() throws ProjectFileException {
        StoredModel stored = ModelFile.read(modelFile);
        IdIndex users = IdIndex.of(stored.users().ids());
        IdIndex items = IdIndex.of(stored.items().ids());
        Interactions all = data.read(users, items);
        int[] known = IntStream.range(0, all.size())
                .filter(r -> all.user(r) < stored.users().size() && all.item(r) < stored.items().size()).toArray();
        Interactions log = all.rows(known);
        ObjectNode result = Json.object();
        result.put("model", modelFile.getFileName().toString());
        result.put("kind", stored.kind());
        result.put("skipped", all.size() - log.size());
        PropensityTable weights = propensities == null ? null : PropensityTable.read(propensities, stored.users(), stored.items());
        if (stored.predictsRatings()) {
            FactorModel model = (FactorModel) stored.model();
            RatingMetrics metrics = new RatingMetrics();
            for (int r = 0; r < log.size(); r++) {
                double p = weights == null ? Double.NaN : weights.propensity(log.user(r), log.item(r), log.value(r));
                metrics.add(model.predict(log.user(r), log.item(r)), log.value(r), p);
            }
            result.put("protocol", "ratings");
            result.put("seed", seed);
            result.put("ratings", metrics.count());
            result.set("metrics", RecsysJson.metrics(metrics.values((long) stored.users().size() * stored.items().size())));
        } else {
            SequenceData split = SequenceData.leaveOneOut(log);
            RankingEvaluation evaluation = new RankingEvaluation(Protocol.of(protocol), ks.stream().mapToInt(Integer::intValue).toArray(),
                    seed, threads == null ? Parallel.defaultThreads() : threads);
            if (weights != null) {
                evaluation.weighted(weights);
            }
            EvaluationReport report = evaluation.evaluate(stored.model(), split.testInputs(), split.test(), split.popularity(),
                    CancellationToken.none());
            result.setAll(RecsysJson.report(report));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, result);
        } else {
            out.printf("%s (%s), %s%n", modelFile.getFileName(), stored.kind(), result.get("protocol").asString());
            for (Map.Entry<String, JsonNode> e : result.get("metrics").properties()) {
                out.printf("  %-20s %s%n", e.getKey(), e.getValue().isNull() ? "-" : "%.4f".formatted(e.getValue().asDouble()));
            }
        }
        return Cli.EXIT_OK;
    }
}
