package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.recausal.engine.explain.Attributions;
import org.recausal.engine.explain.ExplainOptions;
import org.recausal.engine.explain.Explainer;
import org.recausal.engine.explain.Explanation;
import org.recausal.engine.explain.FaithfulnessCheck;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Time opening one explanation (attention, attributions, counterfactual search, faithfulness",
            "checks) of a user's top recommendation, for randomly drawn users, on Amazon Games and on a small sample",
            "of it (its first users), each with a SASRec trained for a few epochs (or a given model); or, with --project,",
            "on a recommender saved in a project (side features and all); also how often the explanations pass their",
            "faithfulness checks. Prints JSON."})
final class ExplainBenchCommand implements Callable<Integer> {
    /** The budget for opening one explanation in the app. */
    static final double TARGET_MS = 300;
    /** Untimed explanations first, so the JIT has compiled the hot loops. */
    private static final int WARM_UP = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--games", defaultValue = "../shared/datasets/amazon-games/Video.txt", paramLabel = "FILE",
            description = "SASRec's Video.txt (default ../shared/datasets/amazon-games/Video.txt).")
    Path games;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "A SASRec trained on --games (default: train one); with --project, the id or name of its recommender.")
    String model;

    @Option(names = "--project", paramLabel = "PROJECT",
            description = "Time the explanations of --model, a SASRec saved in this project, instead of Games.")
    Path project;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs of the SASRec trained for the bench (default 5).")
    int epochs;

    @Option(names = "--sample-users", defaultValue = "1000", paramLabel = "N",
            description = "Users of the small sample: the log's first N (default 1000; 0 skips it).")
    int sampleUsers;

    @Option(names = "--sample-epochs", defaultValue = "50",
            description = "Epochs on the sample, whose epochs are a few steps each (default 50).")
    int sampleEpochs;

    @Option(names = "--users", defaultValue = "100", paramLabel = "N", description = "Explanations timed per data set (default 100).")
    int users;

    @Option(names = "--k", defaultValue = "10", description = "List length (default 10).")
    int k;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of training and of the users drawn (default 1).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Override
    public Integer call() throws ProjectFileException {
        if (project != null && model == null) {
            throw Arguments.invalid(spec, "--project needs --model, the recommender to explain");
        }
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads == null ? Parallel.defaultThreads() : Math.max(1, threads);
        ObjectNode result = Json.object();
        ObjectNode machine = RecsysBenchCommand.machine(result, workers);
        result.put("targetMs", TARGET_MS);
        if (project != null) {
            result.put("reproduce", "recausal bench explain --project " + project + " --model " + model + " --users "
                    + users + " --k " + k + " --seed " + seed);
            result.set("project", run(ChosenModel.of(project, model).model(), workers));
            machine.put("loadAverageAtEnd", RecsysBenchCommand.loadAverage());
            Json.print(spec.commandLine().getOut(), result);
            return Cli.EXIT_OK;
        }
        result.put("reproduce", "recausal bench explain --epochs " + epochs + " --sample-users " + sampleUsers
                + " --sample-epochs " + sampleEpochs + " --users " + users + " --k " + k + " --seed " + seed);
        Interactions log = InteractionFiles.read(games);
        if (sampleUsers > 0) {
            err.printf("sample: training SASRec on the first %d users for %d epochs%n", sampleUsers, sampleEpochs);
            err.flush();
            result.set("sample", run(trained(firstUsers(log, sampleUsers), sampleEpochs, workers), workers));
        }
        StoredModel full;
        if (model != null) {
            full = ModelFile.read(Path.of(model));
        } else {
            err.printf("games: training SASRec on %d users for %d epochs%n", log.users().size(), epochs);
            err.flush();
            full = trained(log, epochs, workers);
        }
        result.set("games", run(full, workers));
        machine.put("loadAverageAtEnd", RecsysBenchCommand.loadAverage());
        Json.print(spec.commandLine().getOut(), result);
        return Cli.EXIT_OK;
    }

    private StoredModel trained(Interactions log, int passes, int workers) {
        SequenceData data = SequenceData.leaveOneOut(log);
        SasRecModel sasrec = new SasRecTrainer(SasRecConfig.games(passes, seed), workers)
                .train(data.train(), log.users(), log.items(), null, null, (report, state) -> { }, CancellationToken.none());
        return new StoredModel(StoredModel.SASREC, sasrec, log.users(), log.items(), data.everything(), Json.object(), null);
    }

    /** The log's rows of its first {@code n} users, with fresh indices so the sample's model knows only its items. */
    private static Interactions firstUsers(Interactions log, int n) {
        Interactions.Builder rows = Interactions.builder(new IdIndex(), new IdIndex());
        for (int r = 0; r < log.size(); r++) {
            if (log.user(r) < n) {
                rows.add(log.users().id(log.user(r)), log.items().id(log.item(r)), log.value(r), log.time(r));
            }
        }
        return rows.build();
    }

    /** Explains the top recommendation of randomly drawn users, after a few untimed ones to warm the JIT up. */
    private ObjectNode run(StoredModel stored, int workers) {
        Explainer explainer = new Explainer(stored, stored.histories(), null, workers);
        ExplainOptions options = ExplainOptions.defaults().withK(k).withSeed(seed);
        int[] drawn = draw(stored, users + WARM_UP);
        int warmUp = Math.max(0, drawn.length - users);
        int n = drawn.length - warmUp;
        double[] wall = new double[n];
        double[] cpu = new double[n];
        int[] lengths = new int[n];
        int exact = 0;
        int found = 0;
        int attributionBeats = 0;
        int attentionBeats = 0;
        int checked = 0;
        for (int i = 0; i < drawn.length; i++) {
            String user = stored.users().id(drawn[i]);
            String item = stored.recommend(user, 1).get(0).item();
            long cpu0 = RecsysBenchCommand.processCpuNanos();
            long t0 = System.nanoTime();
            Explanation e = explainer.explain(user, item, options, CancellationToken.none());
            long t1 = System.nanoTime();
            long cpu1 = RecsysBenchCommand.processCpuNanos();
            if (i < warmUp) {
                continue;
            }
            int j = i - warmUp;
            wall[j] = (t1 - t0) / 1e6;
            cpu[j] = (cpu1 - cpu0) / 1e6;
            lengths[j] = e.attention().window().size();
            exact += e.attributions().method().equals(Attributions.EXACT) ? 1 : 0;
            found += e.counterfactual().found() ? 1 : 0;
            FaithfulnessCheck attribution = first(e, FaithfulnessCheck.ATTRIBUTION);
            FaithfulnessCheck attention = first(e, FaithfulnessCheck.ATTENTION);
            if (attribution != null) {
                checked++;
                attributionBeats += attribution.beatsRandom() ? 1 : 0;
                attentionBeats += attention.beatsRandom() ? 1 : 0;
            }
        }
        ObjectNode node = Json.object();
        node.put("users", stored.users().size());
        node.put("items", stored.items().size());
        node.put("explanations", n);
        node.put("variables", stored.sasrec().features() == null ? 0 : stored.sasrec().features().variables().size());
        node.set("wallMs", percentiles(wall));
        node.set("cpuMs", percentiles(cpu));
        node.put("shareUnderTarget", Arrays.stream(wall).filter(w -> w < TARGET_MS).count() / (double) n);
        node.set("windowLength", percentiles(Arrays.stream(lengths).asDoubleStream().toArray()));
        node.put("exactAttributions", exact);
        node.put("counterfactualsFound", found);
        node.put("faithfulnessChecked", checked);
        node.put("topAttributedBeatsRandom", attributionBeats);
        node.put("topAttendedBeatsRandom", attentionBeats);
        spec.commandLine().getErr().printf("%d explanations: median %.0f ms wall, %.0f ms CPU; %.0f%% under %.0f ms%n", n,
                node.get("wallMs").get("median").asDouble(), node.get("cpuMs").get("median").asDouble(),
                100 * node.get("shareUnderTarget").asDouble(), TARGET_MS);
        spec.commandLine().getErr().flush();
        return node;
    }

    private static FaithfulnessCheck first(Explanation e, String ranking) {
        return e.faithfulness().checks().stream().filter(f -> f.ranking().equals(ranking) && f.removed() == 1)
                .findFirst().orElse(null);
    }

    /** {@code count} distinct users with a history, drawn with the seed (all of them when fewer). */
    private int[] draw(StoredModel stored, int count) {
        int[] eligible = IntStream.range(0, stored.users().size()).filter(u -> stored.histories()[u].length > 0).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        int n = Math.min(count, eligible.length);
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(eligible.length - i);
            int t = eligible[i];
            eligible[i] = eligible[j];
            eligible[j] = t;
        }
        return Arrays.copyOf(eligible, n);
    }

    private static ObjectNode percentiles(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        ObjectNode node = Json.object();
        node.put("median", quantile(sorted, 0.5));
        node.put("p90", quantile(sorted, 0.9));
        node.put("p99", quantile(sorted, 0.99));
        node.put("max", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]);
        node.put("mean", Arrays.stream(sorted).average().orElse(Double.NaN));
        return node;
    }

    /** The q-quantile by linear interpolation between order statistics. */
    private static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = q * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }
}
