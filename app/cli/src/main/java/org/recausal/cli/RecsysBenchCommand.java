package org.recausal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.recausal.engine.recsys.Gemm;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.Scoring;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.ips.NaiveBayesPropensities;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.recsys.ips.PropensityTable;
import org.recausal.engine.recsys.metrics.EvaluationReport;
import org.recausal.engine.recsys.metrics.PaperEvaluation;
import org.recausal.engine.recsys.metrics.Protocol;
import org.recausal.engine.recsys.metrics.RankingEvaluation;
import org.recausal.engine.recsys.metrics.RatingMetrics;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.mf.RatingMf;
import org.recausal.engine.recsys.mf.Weighting;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.recsys.split.Splits;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "recsys", mixinStandardHelpOptions = true,
        description = {"Accuracy and speed of the recommenders on the shared data, per seed and as mean and standard",
            "deviation: SASRec on Amazon Games (leave-one-out, 100 sampled negatives; seconds per epoch and to the",
            "best validation epoch; top-10 for all users), MF naive/IPS/SNIPS/Naive-Bayes-IPS on Coat (random test ratings), the matrix kernels",
            "(OpenBLAS vs Java), and the same SASRec epoch in PyTorch when python3 with torch is installed."})
final class RecsysBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--games", defaultValue = "../shared/datasets/amazon-games/Video.txt", paramLabel = "FILE",
            description = "SASRec's Video.txt (default ../shared/datasets/amazon-games/Video.txt).")
    Path games;

    @Option(names = "--coat", defaultValue = "../shared/datasets/coat", paramLabel = "DIR",
            description = "Coat's folder with train.ascii, test.ascii, propensities.ascii (default ../shared/datasets/coat).")
    Path coat;

    @Option(names = "--only", split = ",", defaultValue = "kernels,coat,games,pytorch", paramLabel = "PART",
            description = {"Parts to run: kernels, coat, games, pytorch (default all); paper-protocol (with --models):",
                "the spread of the SASRec authors' test evaluation (10,000 users drawn at random) over --repeats runs."})
    List<String> parts;

    @Option(names = "--models", split = ",", paramLabel = "FILE", description = "paper-protocol: SASRec models trained on --games.")
    List<Path> models = List.of();

    @Option(names = "--repeats", defaultValue = "1000", description = "paper-protocol: evaluations per model (default 1000).")
    int repeats;

    @Option(names = "--seeds", split = ",", defaultValue = "1,2,3", paramLabel = "S", description = "Seeds (default 1,2,3).")
    List<Long> seeds;

    @Option(names = "--epochs", defaultValue = "200", description = "SASRec epochs per seed (default 200).")
    int epochs;

    @Option(names = "--dropout", defaultValue = "0.6",
            description = "SASRec's dropout rate on Games (default 0.6, chosen on the validation items; the paper's is 0.5).")
    float dropout;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--save", paramLabel = "DIR", description = "Save each seed's Games model in DIR.")
    Path save;

    @Option(names = "--python", defaultValue = "python3", paramLabel = "CMD", description = "Python with torch for the PyTorch epoch.")
    String python;

    @Option(names = "--torch-epochs", defaultValue = "3", description = "PyTorch epochs to time (default 3).")
    int torchEpochs;

    private PrintWriter err;

    @Override
    public Integer call() throws IOException, InterruptedException {
        err = spec.commandLine().getErr();
        int workers = threads == null ? Parallel.defaultThreads() : threads;
        ObjectNode result = Json.object();
        ObjectNode machine = machine(result, workers);
        if (parts.contains("kernels")) {
            result.set("kernels", kernels());
        }
        if (parts.contains("coat")) {
            result.set("coat", coat(workers));
        }
        if (parts.contains("games")) {
            result.set("games", games(workers));
        }
        if (parts.contains("pytorch")) {
            result.set("pytorch", pytorch(workers));
        }
        if (parts.contains("paper-protocol")) {
            result.set("paperProtocol", paperProtocol(workers));
        }
        machine.put("loadAverageAtEnd", loadAverage());
        Json.print(spec.commandLine().getOut(), result);
        return Cli.EXIT_OK;
    }

    /** Billions of multiply-adds per second of both kernels on SASRec's shapes and on full scoring. */
    private ObjectNode kernels() {
        ObjectNode node = Json.object();
        int[][] shapes = {{16 * 9, 50, 50}, {128 * 9, 50, 50}, {128 * 50, 50, 50}, {128, 23715, 50}};
        for (int[] s : shapes) {
            int m = s[0];
            int n = s[1];
            int k = s[2];
            float[] a = new float[m * k];
            float[] b = new float[n * k];
            float[] c = new float[m * n];
            Arrays.fill(a, 0.5f);
            Arrays.fill(b, 0.25f);
            ObjectNode row = node.putObject(m + "x" + k + " * " + k + "x" + n);
            double nat = time(() -> Gemm.gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n), m, n, k);
            double java = time(() -> Gemm.gemmJava(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n), m, n, k);
            row.put("openblasGmacPerSecond", Gemm.isNative() ? nat : Double.NaN);
            row.put("javaGmacPerSecond", java);
        }
        return node;
    }

    private static double time(Runnable product, int m, int n, int k) {
        double macs = (double) m * n * k;
        int reps = (int) Math.max(3, 2e9 / macs);
        for (int w = 0; w < Math.min(reps, 20); w++) {
            product.run();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (int r = 0; r < reps / 3 + 1; r++) {
                product.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / (reps / 3 + 1));
        }
        return macs / best;
    }

    private ObjectNode coat(int workers) {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        Interactions train = InteractionFiles.read(coat.resolve("train.ascii"), users, items);
        Interactions test = InteractionFiles.read(coat.resolve("test.ascii"), users, items);
        PropensityTable given = PropensityTable.read(coat.resolve("propensities.ascii"), users, items);
        ObjectNode node = Json.object();
        node.put("reproduce", "recausal bench recsys --only coat --seeds " + join(seeds));
        node.put("published", "Schnabel et al. 2016, Coat: MF-naive MSE 1.202 MAE 0.920; MF-IPS MSE 1.093 MAE 0.860");
        String[] methods = {"naive", "ips", "snips", "naive-bayes-ips"};
        for (String method : methods) {
            ObjectNode m = node.putObject(method);
            ArrayNode runs = m.putArray("seeds");
            double[] mse = new double[seeds.size()];
            double[] mae = new double[seeds.size()];
            for (int s = 0; s < seeds.size(); s++) {
                long seed = seeds.get(s);
                Interactions evaluated = test;
                PropensityModel propensities = given;
                if (method.equals("naive-bayes-ips")) {
                    int[] rows = IntStream.range(0, test.size()).toArray();
                    Splits.shuffle(rows, new SplittableRandom(seed));
                    int cut = (int) Math.round(0.05 * rows.length);
                    propensities = NaiveBayesPropensities.fit(train, test.rows(Arrays.copyOfRange(rows, 0, cut)),
                            (long) users.size() * items.size());
                    evaluated = test.rows(Arrays.copyOfRange(rows, cut, rows.length));
                }
                Weighting weighting = switch (method) {
                    case "naive" -> Weighting.NAIVE;
                    case "snips" -> Weighting.SNIPS;
                    default -> Weighting.IPS;
                };
                RatingMf mf = new RatingMf(weighting, weighting == Weighting.NAIVE ? null : propensities);
                MfConfig base = new MfConfig(10, 10, 1000, 0.02f, seed);
                MfConfig chosen = mf.select(train, base, RatingMf.factorGrid(), RatingMf.lambdaGrid(), 4,
                        workers, CancellationToken.none()).best();
                FactorModel model = mf.fit(train, chosen, CancellationToken.none(), ProgressListener.NONE);
                RatingMetrics metrics = new RatingMetrics();
                for (int r = 0; r < evaluated.size(); r++) {
                    metrics.add(model.predict(evaluated.user(r), evaluated.item(r)), evaluated.value(r), Double.NaN);
                }
                mse[s] = metrics.values(1).get("MSE");
                mae[s] = metrics.values(1).get("MAE");
                runs.addObject().put("seed", seed).put("factors", chosen.factors()).put("lambda", chosen.lambda())
                        .put("MSE", mse[s]).put("MAE", mae[s]);
                err.printf("coat %s seed %d: MSE %.4f MAE %.4f (factors %d, lambda %s)%n", method, seed, mse[s], mae[s],
                        chosen.factors(), chosen.lambda());
                err.flush();
            }
            m.put("MSE", mean(mse)).put("MSEsd", sd(mse)).put("MAE", mean(mae)).put("MAEsd", sd(mae));
        }
        return node;
    }

    private ObjectNode games(int workers) throws IOException {
        Interactions log = InteractionFiles.read(games);
        SequenceData data = SequenceData.leaveOneOut(log);
        ObjectNode node = Json.object();
        node.put("reproduce", "recausal bench recsys --only games --seeds " + join(seeds) + " --epochs " + epochs
                + " --dropout " + dropout);
        node.put("published", "Kang & McAuley 2018, Games: HR@10 0.7410, NDCG@10 0.5360");
        node.put("users", log.users().size());
        node.put("items", log.items().size());
        node.put("epochs", epochs);
        node.put("dropout", dropout);
        ArrayNode runs = node.putArray("seeds");
        double[] hr = new double[seeds.size()];
        double[] ndcg = new double[seeds.size()];
        double[] epochSeconds = new double[seeds.size()];
        double[] topSeconds = new double[seeds.size()];
        for (int s = 0; s < seeds.size(); s++) {
            long seed = seeds.get(s);
            List<Double> times = new ArrayList<>();
            List<Double> elapsed = new ArrayList<>();
            int[] bestEpoch = {0};
            ArrayNode curve = Json.object().arrayNode();
            SasRecModel model = new SasRecTrainer(SasRecConfig.games(epochs, seed).withDropout(dropout), workers).validateEvery(10)
                    .train(data.train(), log.users(), log.items(), data.validation(), null, (report, state) -> {
                        times.add(report.seconds());
                        elapsed.add(report.elapsedSeconds());
                        bestEpoch[0] = state.bestEpoch();
                        if (!report.validation().isEmpty()) {
                            curve.addObject().put("epoch", report.epoch()).put("loss", report.loss())
                                    .put("validationHR@10", report.validation().get("HR@10"))
                                    .put("validationNDCG@10", report.validation().get("NDCG@10"));
                        }
                        err.printf("games seed %d epoch %d loss %.4f %.1fs load %.2f %s%n", seed, report.epoch(), report.loss(),
                                report.seconds(), loadAverage(), report.validation());
                        err.flush();
                    }, CancellationToken.none());
            EvaluationReport report = new RankingEvaluation(Protocol.SAMPLED100, new int[] {10}, seed, workers)
                    .evaluate(model, data.testInputs(), data.test(), data.popularity(), CancellationToken.none());
            EvaluationReport full = new RankingEvaluation(Protocol.FULL, new int[] {10}, seed, workers).catalogueMetrics(false)
                    .evaluate(model, data.testInputs(), data.test(), data.popularity(), CancellationToken.none());
            if (save != null) {
                Files.createDirectories(save);
                ObjectNode details = Json.object().put("data", games.getFileName().toString()).put("split", "leave-one-out");
                ModelFile.write(save.resolve("games-seed-" + seed + ".model"), new StoredModel(StoredModel.SASREC, model,
                        log.users(), log.items(), data.everything(), details, null));
            }
            int[] users = IntStream.range(0, log.users().size()).toArray();
            long started = System.nanoTime();
            int[][] top = new int[users.length][];
            Scoring.allItems(model, users, data.everything(), workers, (from, to, scores) -> {
                for (int k = from; k < to; k++) {
                    top[k] = Scoring.topK(scores, (k - from) * log.items().size(), log.items().size(), 10, data.everything()[k], null);
                }
            });
            topSeconds[s] = (System.nanoTime() - started) / 1e9;
            hr[s] = report.metrics().get("HR@10");
            ndcg[s] = report.metrics().get("NDCG@10");
            epochSeconds[s] = median(times);
            ObjectNode run = runs.addObject();
            run.put("seed", seed);
            run.set("test", RecsysJson.metrics(report.metrics()));
            run.set("testFullRanking", RecsysJson.metrics(full.metrics()));
            run.put("medianEpochSeconds", epochSeconds[s]);
            run.put("minEpochSeconds", times.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
            // Convergence: the epoch whose weights the model keeps, the best validation NDCG@10.
            run.put("bestValidationEpoch", bestEpoch[0]);
            if (bestEpoch[0] > 0) {
                run.put("secondsToBestValidation", elapsed.get(bestEpoch[0] - 1));
            }
            run.put("trainingSeconds", elapsed.isEmpty() ? 0 : elapsed.getLast());
            run.put("top10AllUsersSeconds", topSeconds[s]);
            run.put("loadAverage", loadAverage());
            run.set("validation", curve);
            err.printf("games seed %d: test HR@10 %.4f NDCG@10 %.4f; median epoch %.2fs; top-10 for %d users %.2fs%n", seed, hr[s],
                    ndcg[s], epochSeconds[s], users.length, topSeconds[s]);
            err.flush();
        }
        node.put("HR@10", mean(hr)).put("HR@10sd", sd(hr)).put("NDCG@10", mean(ndcg)).put("NDCG@10sd", sd(ndcg));
        node.put("medianEpochSeconds", mean(epochSeconds));
        node.put("top10AllUsersSeconds", mean(topSeconds));
        return node;
    }

    /**
     * How far one run of the authors' test evaluation strays from the mean over all users: per model, the mean, spread
     * and 95% range of HR@10 and NDCG@10 over the repeats, and how often one run reaches the published figures.
     */
    private ObjectNode paperProtocol(int workers) {
        if (models.isEmpty()) {
            throw new CommandFailure("--only paper-protocol needs --models FILE,... (SASRec models trained on " + games + ")");
        }
        ObjectNode node = Json.object();
        node.put("published", "Kang & McAuley 2018, Games: HR@10 0.7410, NDCG@10 0.5360");
        node.put("evaluation", "util.py evaluate(): " + PaperEvaluation.USERS + " users drawn at random per run, 100 negatives"
                + " from the items outside the user's training part");
        ArrayNode rows = node.putArray("models");
        for (Path file : models) {
            StoredModel stored = ModelFile.read(file);
            int users = stored.users().size();
            int items = stored.items().size();
            Interactions log = InteractionFiles.read(games, stored.users(), stored.items());
            if (stored.users().size() != users || stored.items().size() != items) {
                throw new CommandFailure(file.getFileName() + " was not trained on " + games.getFileName());
            }
            PaperEvaluation evaluation = new PaperEvaluation(stored.sasrec(), SequenceData.leaveOneOut(log), workers);
            PaperEvaluation.Draw[] draws = evaluation.draws(repeats, 1, workers, CancellationToken.none());
            ObjectNode row = rows.addObject();
            row.put("model", file.getFileName().toString());
            row.put("repeats", repeats);
            row.put("usersWithTestItem", evaluation.evaluatedUsers());
            row.set("HR@10", spread(Arrays.stream(draws).mapToDouble(PaperEvaluation.Draw::hr).toArray(), 0.7410));
            row.set("NDCG@10", spread(Arrays.stream(draws).mapToDouble(PaperEvaluation.Draw::ndcg).toArray(), 0.5360));
            err.printf("%s: HR@10 %s%n", file.getFileName(), row.get("HR@10"));
            err.flush();
        }
        return node;
    }

    private static ObjectNode spread(double[] values, double published) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return Json.object().put("mean", mean(values)).put("sd", sd(values))
                .put("p2.5", sorted[(int) Math.floor(0.025 * (sorted.length - 1))])
                .put("p97.5", sorted[(int) Math.ceil(0.975 * (sorted.length - 1))])
                .put("shareAtLeastPublished", Arrays.stream(values).filter(v -> v >= published).count() / (double) values.length);
    }

    /**
     * The same SASRec epochs in Recausal and then in PyTorch (bench/sasrec_torch.py, when python3 has torch), one
     * right after the other on the same threads, so both meet the same machine load.
     */
    private ObjectNode pytorch(int workers) throws IOException, InterruptedException {
        ObjectNode node = Json.object();
        Interactions log = InteractionFiles.read(games);
        SequenceData data = SequenceData.leaveOneOut(log);
        List<Double> times = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        long[] cpuBefore = {processCpuNanos()};
        new SasRecTrainer(SasRecConfig.games(torchEpochs, 1), workers).train(data.train(), log.users(), log.items(), null,
                null, (report, state) -> {
                    long now = processCpuNanos();
                    times.add(report.seconds());
                    cpu.add((now - cpuBefore[0]) / 1e9);
                    cpuBefore[0] = now;
                }, CancellationToken.none());
        node.put("recausalMedianEpochSeconds", median(times));
        node.put("recausalMedianEpochCpuSeconds", median(cpu));
        ArrayNode recausalTimes = node.putArray("recausalEpochSeconds");
        times.forEach(recausalTimes::add);
        node.put("recausalLoadAverage", loadAverage());
        Path folder = Files.createTempDirectory("recausal-bench");
        try {
            Path script = folder.resolve("sasrec_torch.py");
            try (InputStream in = RecsysBenchCommand.class.getResourceAsStream("bench/sasrec_torch.py")) {
                Files.copy(in, script);
            }
            Path errors = folder.resolve("errors.txt");
            Process process;
            try {
                process = new ProcessBuilder(python, script.toString(), games.toString(), Integer.toString(torchEpochs),
                        Integer.toString(workers)).redirectError(errors.toFile()).start();
            } catch (IOException e) {
                node.put("problem", "cannot start " + python + " (" + e.getMessage() + ")");
                return node;
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.MINUTES) || process.exitValue() != 0) {
                List<String> lines = Files.readAllLines(errors);
                node.put("problem", lines.isEmpty() ? python + " failed" : lines.getLast());
                return node;
            }
            JsonNode answer = JsonMapper.shared().readTree(output);
            node.setAll((ObjectNode) answer);
            node.put("pytorchLoadAverage", loadAverage());
            return node;
        } finally {
            try (var files = Files.list(folder)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
    }

    /** CPU time of this process, all threads: on a shared machine it measures work where wall time measures the queue. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The result's "machine" part, shared by the recommender benchmarks: cores, threads, JVM, kernels, load. */
    static ObjectNode machine(ObjectNode result, int workers) {
        ObjectNode machine = result.putObject("machine");
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("threads", workers);
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("gemm", Gemm.isNative() ? "OpenBLAS (through Smile)" : "Java");
        machine.put("loadAverageAtStart", loadAverage());
        return machine;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static String join(List<Long> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
