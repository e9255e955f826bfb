package org.recausal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.recausal.cli.CliTest.assertOneLineFailure;
import static org.recausal.cli.CliTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.mf.MfState;
import org.recausal.engine.recsys.mf.RatingMf;
import org.recausal.engine.recsys.model.ModelFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** train, evaluate, recommend and bench recsys on small generated logs, in-process. */
class RecsysCommandsTest {
    @TempDir
    Path folder;
    Path ratings;
    Path test;
    Path propensities;
    Path sequences;

    /** Coat-like files: 30 users x 20 items, self-selected ratings (likely when high), a random test matrix. */
    @BeforeEach
    void writeData() throws IOException {
        SplittableRandom random = new SplittableRandom(4);
        StringBuilder train = new StringBuilder();
        StringBuilder random20 = new StringBuilder();
        StringBuilder p = new StringBuilder();
        for (int u = 0; u < 30; u++) {
            for (int i = 0; i < 20; i++) {
                int y = 1 + (u * 3 + i * 7) % 5;
                double propensity = 0.1 + 0.15 * y;
                train.append(random.nextDouble() < propensity ? y : 0).append(i < 19 ? " " : "\n");
                random20.append(random.nextDouble() < 0.2 ? y : 0).append(i < 19 ? " " : "\n");
                p.append(propensity).append(i < 19 ? " " : "\n");
            }
        }
        ratings = Files.writeString(folder.resolve("train.ascii"), train);
        test = Files.writeString(folder.resolve("test.ascii"), random20);
        propensities = Files.writeString(folder.resolve("propensities.ascii"), p);
        StringBuilder log = new StringBuilder();
        for (int u = 1; u <= 60; u++) {
            int item = random.nextInt(20);
            for (int t = 0; t < 6 + random.nextInt(5); t++) {
                log.append(u).append(' ').append(100 + item).append('\n');
                item = (item + 1) % 20;
            }
        }
        sequences = Files.writeString(folder.resolve("Video.txt"), log);
    }

    private static JsonNode json(CliTest.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JsonMapper.shared().readTree(result.out());
    }

    @Test
    void ratingModelTrainsEvaluatesAndRecommends() {
        Path model = folder.resolve("mf.model");
        JsonNode trained = json(run("train", "mf", "--data", ratings.toString(), "--test", test.toString(), "--factors", "3",
                "--lambda", "1", "--steps", "300", "--out", model.toString()));
        assertThat(trained.get("kind").asString()).isEqualTo("mf");
        assertThat(trained.get("weighting").asString()).isEqualTo("naive");
        // Rating MF takes a full-batch step per epoch: a line every 50 of them.
        assertThat(trained.get("epochs")).extracting(e -> e.get("epoch").asInt()).containsExactly(50, 100, 150, 200, 250, 300);
        double mse = trained.get("test").get("metrics").get("MSE").asDouble();
        assertThat(mse).isPositive().isLessThan(4);

        JsonNode evaluated = json(run("evaluate", "--model", model.toString(), "--data", test.toString(), "--json"));
        assertThat(evaluated.get("metrics").get("MSE").asDouble()).isCloseTo(mse, within(1e-9));
        assertThat(evaluated.get("metrics").has("MAE")).isTrue();
        assertThat(evaluated.get("protocol").asString()).isEqualTo("ratings");

        JsonNode weighted = json(run("evaluate", "--model", model.toString(), "--data", ratings.toString(),
                "--propensities", propensities.toString(), "--json"));
        assertThat(weighted.get("metrics").has("SNIPS-MSE")).isTrue();

        JsonNode recommended = json(run("recommend", "--model", model.toString(), "--user", "0", "--k", "3", "--json"));
        assertThat(recommended.get("user").asString()).isEqualTo("0");
        assertThat(recommended.get("items")).hasSize(3);
        assertThat(recommended.get("items").get(0).has("score")).isTrue();
    }

    @Test
    void ipsAndNaiveBayesWeighting() {
        JsonNode ips = json(run("train", "mf", "--data", ratings.toString(), "--test", test.toString(), "--ips",
                "propensity-column", "--propensities", propensities.toString(), "--factors", "2", "--lambda", "1",
                "--steps", "200", "--out", folder.resolve("ips.model").toString()));
        assertThat(ips.get("weighting").asString()).isEqualTo("ips");
        assertThat(ips.get("propensities").asString()).contains("propensities.ascii");
        JsonNode nb = json(run("train", "mf", "--data", ratings.toString(), "--test", test.toString(), "--ips", "naive-bayes",
                "--weighting", "snips", "--steps", "100", "--out", folder.resolve("nb.model").toString()));
        assertThat(nb.get("weighting").asString()).isEqualTo("snips");
        assertThat(nb.get("propensities").asString()).startsWith("Naive-Bayes");
        assertThat(nb.get("trials")).hasSize(RatingMf.factorGrid().length * RatingMf.lambdaGrid().length);
        assertOneLineFailure(run("train", "mf", "--data", ratings.toString(), "--ips", "dag", "--out",
                folder.resolve("x.model").toString()), 1, "--ips dag needs --graph FILE (or a project as --data): the causal"
                + " graph with the exposure and its causes");
    }

    /**
     * A log of every (user, item) pair considered, exposure caused by activity and popularity as the graph says,
     * clicks observed on exposed rows: --ips dag fits the exposure mechanism and trains on the exposed rows.
     */
    @Test
    void dagPropensitiesComeFromTheGraphsExposureMechanism() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder log = new StringBuilder("user_id,item_id,user_activity,item_popularity,exposure,click,exposure_propensity\n");
        int exposed = 0;
        for (int u = 0; u < 40; u++) {
            double activity = random.nextDouble() * 2 - 1;
            for (int i = 0; i < 30; i++) {
                double popularity = (i - 15) / 10.0;
                double p = 1 / (1 + Math.exp(-(-1 + activity + popularity)));
                int shown = random.nextDouble() < p ? 1 : 0;
                exposed += shown;
                int click = shown == 1 && random.nextDouble() < 0.3 + 0.2 * popularity ? 1 : 0;
                log.append("u").append(u).append(",i").append(i).append(',').append(activity).append(',')
                        .append(popularity).append(',').append(shown).append(',').append(click).append(',').append(p).append('\n');
            }
        }
        Path data = Files.writeString(folder.resolve("log.csv"), log);
        Path graph = Files.writeString(folder.resolve("shop.dagitty"),
                "dag { user_activity -> exposure; item_popularity -> exposure; exposure -> click; item_popularity -> click }");
        JsonNode dag = json(run("train", "mf", "--data", data.toString(), "--ips", "dag", "--graph", graph.toString(),
                "--loss", "squared", "--factors", "2", "--lambda", "1", "--steps", "50", "--out", folder.resolve("d.model").toString()));
        assertThat(dag.get("propensities").asString())
                .startsWith("P(exposure = 1 | user_activity, item_popularity) by logistic regression");
        assertThat(dag.get("trainedOn").asString()).isEqualTo(exposed + " exposed rows of 1200");
        assertThat(dag.get("meanGapToPropensityColumn").asDouble()).isLessThan(0.05);
        JsonNode truth = json(run("train", "mf", "--data", data.toString(), "--ips", "propensity-column",
                "--loss", "squared", "--factors", "2", "--lambda", "1", "--steps", "50", "--out", folder.resolve("t.model").toString()));
        assertThat(truth.get("propensities").asString()).isEqualTo("the data's propensity column");
        assertOneLineFailure(run("train", "mf", "--data", data.toString(), "--ips", "dag", "--graph", graph.toString(),
                "--exposure", "shown", "--loss", "squared", "--out", folder.resolve("x.model").toString()), 1,
                "the DAG has no variable 'shown' for the exposure");
    }

    @Test
    void rankingModelsTrainAndEvaluateOnTheSplitTheyRecord() {
        Path model = folder.resolve("t.model");
        CliTest.Result result = run("train", "mf", "--data", sequences.toString(), "--split", "random", "--seed", "5",
                "--steps", "3", "--out", model.toString());
        JsonNode trained = json(result);
        assertThat(trained.get("kind").asString()).isEqualTo("bpr");
        // One line per epoch on stderr, as train sasrec prints them, and the same epochs in the JSON.
        assertThat(result.err().lines().toList()).hasSize(3).allMatch(l -> l.matches(
                "epoch [1-3]/3  loss \\d\\.\\d{4}  \\d+\\.\\ds  validation HR@10 \\d\\.\\d{4} NDCG@10 \\d\\.\\d{4}"));
        assertThat(trained.get("epochs")).hasSize(3);
        assertThat(trained.get("epochs").get(2).get("epoch").asInt()).isEqualTo(3);
        assertThat(trained.get("epochs").get(2).get("HR@10").asDouble()).isBetween(0.0, 1.0);
        JsonNode evaluated = json(run("evaluate", "--model", model.toString(), "--data", sequences.toString(), "--json"));
        assertThat(evaluated.get("split").asString()).isEqualTo("random seed=5");
        JsonNode temporal = json(run("evaluate", "--model", model.toString(), "--data", sequences.toString(), "--split",
                "temporal", "--cutoff", "0.7", "--json"));
        assertThat(temporal.get("split").asString()).isEqualTo("temporal cutoff=0.7");
        assertThat(temporal.get("users").asInt()).isLessThan(evaluated.get("users").asInt());
        assertOneLineFailure(run("evaluate", "--model", model.toString(), "--data", sequences.toString(), "--cutoff", "0.5"),
                1, "--cutoff goes with --split temporal");
        assertOneLineFailure(run("evaluate", "--model", model.toString(), "--data", sequences.toString(), "--split", "kfold"),
                1, "the split must be loo, temporal or random, not 'kfold'");
    }

    /** The factor model's weights in a model file. */
    private static float[] weights(Path model) {
        return ((FactorModel) ModelFile.read(model).model()).params();
    }

    @Test
    void bprStoppedAtACheckpointAndResumedEndsWithTheWeightsOfAnUninterruptedRun() {
        Path straight = folder.resolve("straight.model");
        json(run("train", "mf", "--data", sequences.toString(), "--factors", "6", "--steps", "6", "--seed", "3",
                "--out", straight.toString()));
        Path checkpoint = folder.resolve("bpr.checkpoint");
        json(run("train", "mf", "--data", sequences.toString(), "--factors", "6", "--steps", "3", "--seed", "3",
                "--checkpoint", checkpoint.toString(), "--out", folder.resolve("part.model").toString()));
        MfState state = (MfState) ModelFile.read(checkpoint).checkpoint();
        assertThat(state.epochsDone()).isEqualTo(3);
        assertThat(state.config()).isEqualTo(new MfConfig(6, 0.01, 3, 0.005f, 3));

        // The factors and seed come from the checkpoint; --steps is the epoch to reach.
        Path resumed = folder.resolve("resumed.model");
        JsonNode result = json(run("train", "mf", "--data", sequences.toString(), "--resume", checkpoint.toString(),
                "--steps", "6", "--out", resumed.toString()));
        assertThat(result.get("epochs")).extracting(e -> e.get("epoch").asInt()).containsExactly(4, 5, 6);
        assertThat(result.get("seed").asLong()).isEqualTo(3);
        assertThat(weights(resumed)).containsExactly(weights(straight));
        assertThat(ModelFile.read(resumed).checkpoint()).isNull();

        assertOneLineFailure(run("train", "mf", "--data", sequences.toString(), "--resume", checkpoint.toString(), "--lr",
                "0.01", "--out", resumed.toString()), 1, "the checkpoint was fit with lambda 0.01, learning rate 0.005"
                + " and seed 3; resume it with those, not 0.01, 0.01 and 3");
        assertOneLineFailure(run("train", "mf", "--data", ratings.toString(), "--resume", checkpoint.toString(), "--out",
                resumed.toString()), 1, "bpr.checkpoint is a checkpoint of a bpr model, not of mf");
        assertOneLineFailure(run("train", "mf", "--data", sequences.toString(), "--resume", straight.toString(), "--out",
                resumed.toString()), 1, "straight.model is a model file without a checkpoint (write one with --checkpoint)");
    }

    @Test
    void bprResumedOnOtherDataIsRefused() throws IOException {
        Path checkpoint = folder.resolve("bpr.checkpoint");
        json(run("train", "mf", "--data", sequences.toString(), "--factors", "4", "--steps", "1", "--checkpoint",
                checkpoint.toString(), "--out", folder.resolve("m.model").toString()));
        Path fewer = Files.writeString(folder.resolve("Fewer.txt"), Files.readString(sequences).lines().skip(1)
                .map(l -> l + "\n").reduce("", String::concat));
        assertOneLineFailure(run("train", "mf", "--data", fewer.toString(), "--resume", checkpoint.toString(), "--steps",
                "2", "--out", folder.resolve("m.model").toString()), 1, "Fewer.txt holds other interactions than"
                + " bpr.checkpoint was trained on (new users or items, or other histories); resume on the same data");
        Path more = Files.writeString(folder.resolve("More.txt"), Files.readString(sequences) + "999 100\n");
        assertOneLineFailure(run("train", "mf", "--data", more.toString(), "--resume", checkpoint.toString(), "--steps",
                "2", "--out", folder.resolve("m.model").toString()), 1, "More.txt holds other interactions than"
                + " bpr.checkpoint was trained on (new users or items, or other histories); resume on the same data");
    }

    @Test
    void ratingMfResumedKeepsTheFactorsAndLambdaCrossValidationChoseAndEndsAsAnUninterruptedRun() {
        Path checkpoint = folder.resolve("mf.checkpoint");
        JsonNode part = json(run("train", "mf", "--data", ratings.toString(), "--folds", "2", "--steps", "100",
                "--checkpoint", checkpoint.toString(), "--out", folder.resolve("part.model").toString()));
        assertThat(part.get("trials")).hasSize(RatingMf.factorGrid().length * RatingMf.lambdaGrid().length);
        int factors = part.get("factors").asInt();
        double lambda = part.get("lambda").asDouble();
        MfState state = (MfState) ModelFile.read(checkpoint).checkpoint();
        assertThat(state.epochsDone()).isEqualTo(100);
        assertThat(state.config()).isEqualTo(new MfConfig(factors, lambda, 100, 0.02f, 1));

        Path resumed = folder.resolve("resumed.model");
        JsonNode result = json(run("train", "mf", "--data", ratings.toString(), "--folds", "2", "--steps", "160",
                "--resume", checkpoint.toString(), "--out", resumed.toString()));
        assertThat(result.has("trials")).as("no second selection").isFalse();
        assertThat(result.get("factors").asInt()).isEqualTo(factors);
        assertThat(result.get("lambda").asDouble()).isEqualTo(lambda);
        assertThat(result.get("epochs")).extracting(e -> e.get("epoch").asInt()).containsExactly(150, 160);

        Path straight = folder.resolve("straight.model");
        json(run("train", "mf", "--data", ratings.toString(), "--factors", String.valueOf(factors), "--lambda",
                String.valueOf(lambda), "--steps", "160", "--out", straight.toString()));
        assertThat(weights(resumed)).containsExactly(weights(straight));
    }

    @Test
    void ratingMfResumesOnlyOnTheSameRatingsAndPropensities() throws IOException {
        Path checkpoint = folder.resolve("ips.checkpoint");
        json(run("train", "mf", "--data", ratings.toString(), "--factors", "3", "--lambda", "1", "--steps", "50",
                "--ips", "propensity-column", "--propensities", propensities.toString(), "--checkpoint", checkpoint.toString(),
                "--out", folder.resolve("p.model").toString()));
        String resumed = folder.resolve("r.model").toString();
        json(run("train", "mf", "--data", ratings.toString(), "--steps", "60", "--ips", "propensity-column", "--propensities",
                propensities.toString(), "--resume", checkpoint.toString(), "--out", resumed));
        assertOneLineFailure(run("train", "mf", "--data", ratings.toString(), "--steps", "60", "--resume",
                checkpoint.toString(), "--out", resumed), 1, "this run has other propensities (give the same --ips and its"
                + " options) than ips.checkpoint was trained with; resume on the same data and settings");
        // The same users rate the same items, one rating changed by a star.
        String matrix = Files.readString(ratings);
        int at = matrix.indexOf('3');
        Path changed = Files.writeString(folder.resolve("changed.ascii"), matrix.substring(0, at) + "4" + matrix.substring(at + 1));
        assertOneLineFailure(run("train", "mf", "--data", changed.toString(), "--steps", "60", "--ips", "propensity-column",
                "--propensities", propensities.toString(), "--resume", checkpoint.toString(), "--out", resumed), 1,
                "this run has other feedback values than ips.checkpoint was trained with; resume on the same data and settings");
    }

    @Test
    void sasrecTrainsResumesEvaluatesAndExplains() {
        Path model = folder.resolve("s.model");
        Path checkpoint = folder.resolve("s.checkpoint");
        CliTest.Result result = run("train", "sasrec", "--data", sequences.toString(), "--maxlen", "8", "--dim", "8",
                "--blocks", "1", "--epochs", "3", "--batch", "16", "--validate-every", "1", "--threads", "2",
                "--checkpoint", checkpoint.toString(), "--out", model.toString());
        JsonNode trained = json(result);
        assertThat(trained.get("epochs")).hasSize(3);
        assertThat(trained.get("epochs").get(2).has("HR@10")).isTrue();
        assertThat(result.err().lines().filter(l -> l.startsWith("epoch ")).count()).isEqualTo(3);

        JsonNode resumed = json(run("train", "sasrec", "--data", sequences.toString(), "--maxlen", "8", "--dim", "8",
                "--blocks", "1", "--epochs", "4", "--batch", "16", "--resume", checkpoint.toString(), "--out", model.toString()));
        assertThat(resumed.get("epochs")).hasSize(1);
        assertThat(resumed.get("epochs").get(0).get("epoch").asInt()).isEqualTo(4);
        assertOneLineFailure(run("train", "mf", "--data", sequences.toString(), "--resume", checkpoint.toString(), "--out",
                folder.resolve("mf.model").toString()), 1, "s.checkpoint is a checkpoint of a sasrec model, not of mf or bpr");

        JsonNode evaluated = json(run("evaluate", "--model", model.toString(), "--data", sequences.toString(),
                "--protocol", "full", "--k", "5,10", "--json"));
        assertThat(evaluated.get("protocol").asString()).isEqualTo("full");
        assertThat(evaluated.get("seed").asLong()).isEqualTo(1);
        assertThat(evaluated.get("users").asInt()).isEqualTo(60);
        assertThat(evaluated.get("metrics").get("HR@10").asDouble()).isBetween(0.0, 1.0);
        assertThat(evaluated.get("metrics").has("NDCG@5")).isTrue();
        assertThat(evaluated.get("metrics").has("Coverage@10")).isTrue();

        JsonNode recommended = json(run("recommend", "--model", model.toString(), "--user", "7", "--k", "5", "--attention",
                "--json"));
        Set<String> items = new HashSet<>();
        recommended.get("items").forEach(i -> items.add(i.get("item").asString()));
        assertThat(items).hasSize(5);
        JsonNode weights = recommended.get("attention").get("lastItemWeights").get(0).get(0);
        double sum = 0;
        for (JsonNode w : weights) {
            sum += w.asDouble();
        }
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(recommended.get("attention").get("history").size()).isEqualTo(weights.size());
    }

    @Test
    void badInputGetsOneLine() {
        assertOneLineFailure(run("evaluate", "--model", folder.resolve("none.model").toString(), "--data", test.toString()),
                1, folder.resolve("none.model") + ": no such file");
        Path model = folder.resolve("mf.model");
        json(run("train", "mf", "--data", ratings.toString(), "--factors", "2", "--lambda", "1", "--steps", "10",
                "--out", model.toString()));
        assertOneLineFailure(run("recommend", "--model", model.toString(), "--user", "zzz"), 1, "the model knows no user 'zzz'");
        assertOneLineFailure(run("train", "mf", "--data", ratings.toString(), "--loss", "hinge", "--out", model.toString()), 1,
                "--loss must be squared or bpr, not 'hinge'");
        assertOneLineFailure(run("evaluate", "--model", ratings.toString(), "--data", test.toString()), 1,
                "train.ascii: is not a model file (not a readable zip archive: zip END header not found)");
        assertThat(run("train").exitCode()).isEqualTo(Cli.EXIT_USAGE);
    }

    @Test
    void severalDropoutRatesKeepTheModelBestOnValidation() {
        Path model = folder.resolve("grid.model");
        JsonNode trained = json(run("train", "sasrec", "--data", sequences.toString(), "--maxlen", "8", "--dim", "8",
                "--blocks", "1", "--epochs", "4", "--batch", "16", "--validate-every", "2", "--dropout", "0.1,0.4,0.7",
                "--out", model.toString()));
        JsonNode trials = trained.get("trials");
        assertThat(trials).extracting(t -> t.get("dropout").asDouble()).containsExactly(0.1, 0.4, 0.7);
        JsonNode best = trials.get(0);
        for (JsonNode t : trials) {
            if (t.get("validationNDCG@10").asDouble() > best.get("validationNDCG@10").asDouble()) {
                best = t;
            }
        }
        assertThat(trained.get("dropout").asDouble()).isCloseTo(best.get("dropout").asDouble(), within(1e-6));
        // The kept model is that rate's: training it alone gives the same evaluation.
        Path alone = folder.resolve("alone.model");
        json(run("train", "sasrec", "--data", sequences.toString(), "--maxlen", "8", "--dim", "8", "--blocks", "1",
                "--epochs", "4", "--batch", "16", "--validate-every", "2", "--dropout", best.get("dropout").asString(),
                "--out", alone.toString()));
        JsonNode kept = json(run("evaluate", "--model", model.toString(), "--data", sequences.toString(), "--json"));
        JsonNode single = json(run("evaluate", "--model", alone.toString(), "--data", sequences.toString(), "--json"));
        assertThat(kept.get("metrics")).isEqualTo(single.get("metrics"));
        assertOneLineFailure(run("train", "sasrec", "--data", sequences.toString(), "--dropout", "0.2,0.5", "--checkpoint",
                folder.resolve("c").toString(), "--out", model.toString()), 1, "--checkpoint and --resume take one --dropout rate, not 2");
    }

    @Test
    void benchSpreadsThePaperEvaluationOverRepeats() {
        Path model = folder.resolve("p.model");
        json(run("train", "sasrec", "--data", sequences.toString(), "--maxlen", "8", "--dim", "8", "--blocks", "1",
                "--epochs", "2", "--batch", "16", "--out", model.toString()));
        JsonNode bench = json(run("bench", "recsys", "--only", "paper-protocol", "--games", sequences.toString(),
                "--models", model.toString(), "--repeats", "30"));
        JsonNode row = bench.get("paperProtocol").get("models").get(0);
        assertThat(row.get("usersWithTestItem").asInt()).isEqualTo(60);
        for (String metric : new String[] {"HR@10", "NDCG@10"}) {
            JsonNode spread = row.get(metric);
            assertThat(spread.get("mean").asDouble()).as(metric).isBetween(spread.get("p2.5").asDouble(), spread.get("p97.5").asDouble());
            // 60 users: every run evaluates all of them, and only the negatives change between runs.
            assertThat(spread.get("sd").asDouble()).as(metric).isPositive();
            assertThat(spread.get("shareAtLeastPublished").asDouble()).as(metric).isBetween(0.0, 1.0);
        }
        assertOneLineFailure(run("bench", "recsys", "--only", "paper-protocol", "--games", sequences.toString()), 1,
                "--only paper-protocol needs --models FILE,... (SASRec models trained on " + sequences + ")");
        assertOneLineFailure(run("bench", "recsys", "--only", "paper-protocol", "--games", ratings.toString(),
                "--models", model.toString()), 1, "p.model was not trained on train.ascii");
    }

    @Test
    void benchReportsCoatFiguresPerSeed() {
        JsonNode bench = json(run("bench", "recsys", "--only", "coat", "--coat", folder.toString(), "--seeds", "1"));
        for (String method : new String[] {"naive", "ips", "snips", "naive-bayes-ips"}) {
            assertThat(bench.get("coat").get(method).get("MSE").asDouble()).as(method).isPositive();
            assertThat(bench.get("coat").get(method).get("seeds")).hasSize(1);
        }
        assertThat(bench.get("machine").has("gemm")).isTrue();
    }
}
