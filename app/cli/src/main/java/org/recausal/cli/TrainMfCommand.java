package org.recausal.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.Table;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.TrainingListener;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.InteractionFiles;
import org.recausal.engine.recsys.data.Interactions;
import org.recausal.engine.recsys.data.UserSequences;
import org.recausal.engine.recsys.ips.DagPropensities;
import org.recausal.engine.recsys.ips.NaiveBayesPropensities;
import org.recausal.engine.recsys.ips.PropensityModel;
import org.recausal.engine.recsys.ips.PropensityTable;
import org.recausal.engine.recsys.metrics.RatingMetrics;
import org.recausal.engine.recsys.mf.Bpr;
import org.recausal.engine.recsys.mf.EpochValidation;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.mf.MfState;
import org.recausal.engine.recsys.mf.RatingMf;
import org.recausal.engine.recsys.mf.Weighting;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.recsys.split.SplitSpec;
import org.recausal.engine.recsys.split.Splits;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "mf", mixinStandardHelpOptions = true,
        description = {"Train matrix factorisation: squared error on ratings (naive, or debiased by inverse propensities",
            "as in Schnabel et al. 2016), or BPR on implicit feedback (on the leave-one-out training part).",
            "Without --factors and --lambda, picks them by cross-validation on the training log, its error weighted as in training.",
            "One progress line per epoch on stderr (BPR: with validation HR@10 and NDCG@10; ratings: every 50 steps).",
            "--out writes a model file, --save NAME stores it in the --data project. --checkpoint FILE saves a resumable",
            "checkpoint with each progress line; --resume FILE continues it exactly, on the same data, with its settings."})
final class TrainMfCommand implements Callable<Integer> {
    /** Rating MF takes one full-batch step per epoch: a line every this many of them (and after the last). */
    private static final int STEP_LINES = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    InteractionSource data;

    @Option(names = "--test", paramLabel = "FILE", description = "Ratings to report MSE and MAE on (e.g. Coat's random test.ascii).")
    Path test;

    @Mixin
    ModelOutput output;

    @Option(names = "--loss", paramLabel = "squared|bpr", description = "Default: squared for ratings, bpr for 0/1 feedback.")
    String loss;

    @Option(names = "--ips", defaultValue = "none", paramLabel = "SOURCE",
            description = "Propensities: none, propensity-column (the data's column or --propensities), naive-bayes, dag.")
    String ips;

    @Option(names = "--propensities", paramLabel = "FILE", description = "A propensity matrix or uid,iid,p file (Coat's propensities.ascii).")
    Path propensities;

    @Option(names = "--graph", paramLabel = "FILE",
            description = "--ips dag: the causal graph (a project or graph file) whose exposure mechanism gives the propensities.")
    Path graph;

    @Option(names = "--exposure", defaultValue = "exposure", paramLabel = "NAME",
            description = "--ips dag: the graph's exposure variable, a 0/1 column of --data with its causes (default exposure).")
    String exposure;

    @Mixin
    RecsysSplitOptions splitOptions;

    @Option(names = "--weighting", defaultValue = "ips", paramLabel = "ips|snips",
            description = "Inverse-propensity weights as they are (ips) or self-normalised (snips).")
    String weighting;

    @Option(names = "--mcar", paramLabel = "FILE", description = "Uniformly random ratings for naive-bayes propensities.")
    Path mcar;

    @Option(names = "--mcar-share", defaultValue = "0.05", paramLabel = "S",
            description = "Without --mcar: this share of --test (seeded) is the random sample, and is left out of the test (default 0.05).")
    double mcarShare;

    @Option(names = "--factors", paramLabel = "K",
            description = "Factors (default: chosen from 5, 10, 20, 40; BPR 50; with --resume, the checkpoint's).")
    Integer factors;

    @Option(names = "--lambda", paramLabel = "L",
            description = "L2 strength (default: chosen from 1, 2, 3, 5, 7, 10, 15, 20, 30; BPR 0.01; with --resume, the checkpoint's).")
    Double lambda;

    @Option(names = "--folds", defaultValue = "4", paramLabel = "F",
            description = "Cross-validation folds of the training log that choose --factors and --lambda (default 4).")
    int folds;

    @Option(names = "--steps", paramLabel = "N",
            description = "Adam steps (ratings) or epochs (BPR) to reach (default 1000; BPR 30; with --resume, the checkpoint's).")
    Integer steps;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Adam learning rate (default 0.02; BPR 0.005; with --resume, the checkpoint's).")
    Float learningRate;

    @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default 1; with --resume, the checkpoint's).")
    Long seed;

    @Mixin
    CheckpointOptions checkpoints;

    @Override
    public Integer call() throws ProjectFileException {
        output.check(spec, data);
        StoredModel saved = checkpoints.resumed(StoredModel.MF, StoredModel.BPR);
        MfState resume = saved == null ? null : (MfState) saved.checkpoint();
        long seed = given(this.seed, resume, MfConfig::seed, 1L);
        IdIndex users = saved == null ? new IdIndex() : saved.users();
        IdIndex items = saved == null ? new IdIndex() : saved.items();
        Interactions log = data.read(users, items);
        // With an exposure column, feedback is observed only where the item was shown: train on those rows.
        Interactions train = log.hasExposure()
                ? log.rows(IntStream.range(0, log.size()).filter(r -> log.exposure(r) == 1f).toArray()) : log;
        if (train.size() == 0) {
            throw new CommandFailure(data.name() + ": no row has exposure 1, so no feedback was observed");
        }
        Interactions testSet = test == null ? null : InteractionFiles.read(test, users, items);
        boolean bpr = loss == null ? train.isImplicit() : switch (loss) {
            case "squared" -> false;
            case "bpr" -> true;
            default -> throw new CommandFailure("--loss must be squared or bpr, not '" + loss + "'");
        };
        String kind = bpr ? StoredModel.BPR : StoredModel.MF;
        checkpoints.resumed(kind); // refuses a checkpoint of the other loss
        ObjectNode result = Json.object();
        ObjectNode details = Json.object();
        details.put("data", data.name());
        if (log.hasExposure()) {
            details.put("trainedOn", train.size() + " exposed rows of " + log.size());
            result.put("trainedOn", train.size() + " exposed rows of " + log.size());
        }
        Interactions mcarSample = null;
        if (ips.equals("naive-bayes") && mcar == null) {
            if (testSet == null) {
                throw new CommandFailure("--ips naive-bayes needs a uniformly random sample: give --mcar FILE or --test FILE");
            }
            int[] rows = IntStream.range(0, testSet.size()).toArray();
            Splits.shuffle(rows, new SplittableRandom(seed));
            int cut = (int) Math.round(mcarShare * rows.length);
            mcarSample = testSet.rows(Arrays.copyOfRange(rows, 0, cut));
            testSet = testSet.rows(Arrays.copyOfRange(rows, cut, rows.length));
            details.put("mcarSample", cut + " ratings of " + test.getFileName() + " (left out of the test)");
        } else if (mcar != null) {
            mcarSample = InteractionFiles.read(mcar, users, items);
        }
        PropensityModel propensityModel = propensityModel(train, mcarSample, users, items, seed);
        if (propensityModel != null) {
            result.put("propensities", propensityModel.description());
            details.put("propensities", propensityModel.description());
            if (ips.equals("dag") && train.hasPropensity()) {
                // A logged (or simulated, true) propensity column is there to check the DAG's estimates against.
                double gap = 0;
                for (int r = 0; r < train.size(); r++) {
                    gap += Math.abs(propensityModel.propensity(train.user(r), train.item(r), train.value(r)) - train.propensity(r));
                }
                result.put("meanGapToPropensityColumn", gap / train.size());
            }
        }
        // Options not given come from the checkpoint when resuming, else from the loss's defaults.
        MfConfig config = new MfConfig(given(factors, resume, MfConfig::factors, bpr ? 50 : 10),
                given(lambda, resume, MfConfig::lambda, bpr ? 0.01 : 10.0), given(steps, resume, MfConfig::steps, bpr ? 30 : 1000),
                given(learningRate, resume, MfConfig::learningRate, bpr ? 0.005f : 0.02f), seed);
        SequenceData split = null;
        int[][] histories;
        if (bpr) {
            SplitSpec splitSpec = splitOptions.spec(seed, SplitSpec.LEAVE_ONE_OUT);
            split = SequenceData.of(train, splitSpec.apply(train));
            histories = split.everything();
            details.put("split", splitSpec.label());
        } else {
            histories = rated(train, users.size());
        }
        checkpoints.requireSameData(data, histories);
        details.put("trainingFingerprint", train.fingerprint());
        checkpoints.requireSameDetail(details, "trainingFingerprint", "other feedback values");
        checkpoints.requireSameDetail(details, "propensities", "other propensities (give the same --ips and its options)");
        // A checkpoint: the model as it stands with the state to resume from.
        Function<MfState, StoredModel> checkpoint = state -> new StoredModel(kind, new FactorModel(users.size(),
                items.size(), state.config().factors(), state.params()), users, items, histories, details, state);
        EpochLines epochs = new EpochLines(spec.commandLine().getErr());
        FactorModel model;
        if (bpr) {
            details.put("factors", config.factors());
            EpochValidation validation = EpochValidation.ranking(split.trainInputs(), split.validation(), seed,
                    Parallel.defaultThreads(), 1);
            model = Bpr.train(split.split().train(), config, propensityModel, validation, resume,
                    listener(epochs, epoch -> true, checkpoint), CancellationToken.none());
        } else {
            Weighting w = propensityModel == null ? Weighting.NAIVE : Weighting.of(weighting);
            RatingMf mf = new RatingMf(w, propensityModel);
            // A resumed fit keeps the factors and lambda its checkpoint has (chosen by cross-validation or given).
            if (resume == null && (factors == null || lambda == null)) {
                RatingMf.Selection selection = mf.select(train, config, factors == null ? RatingMf.factorGrid() : new int[] {factors},
                        lambda == null ? RatingMf.lambdaGrid() : new double[] {lambda}, folds, Parallel.defaultThreads(),
                        CancellationToken.none());
                config = selection.best();
                ArrayNode trials = result.putArray("trials");
                for (RatingMf.Trial t : selection.trials()) {
                    trials.addObject().put("factors", t.factors()).put("lambda", t.lambda()).put("validationMse", t.validationMse());
                }
            }
            int last = config.steps();
            details.put("weighting", w.name().toLowerCase(Locale.ROOT));
            details.put("factors", config.factors());
            model = mf.train(train, config, EpochValidation.NONE, resume, listener(epochs,
                    epoch -> epoch % STEP_LINES == 0 || epoch == last, checkpoint), CancellationToken.none());
            result.put("weighting", w.name().toLowerCase(Locale.ROOT));
        }
        result.put("factors", config.factors());
        result.put("lambda", config.lambda());
        if (testSet != null && !bpr) {
            RatingMetrics metrics = new RatingMetrics();
            for (int r = 0; r < testSet.size(); r++) {
                if (testSet.user(r) < model.userCount() && testSet.item(r) < model.itemCount()) {
                    metrics.add(model.predict(testSet.user(r), testSet.item(r)), testSet.value(r), Double.NaN);
                }
            }
            ObjectNode testNode = result.putObject("test");
            testNode.put("ratings", metrics.count());
            testNode.set("metrics", RecsysJson.metrics(metrics.values(1)));
            details.set("test", testNode.deepCopy());
        }
        details.set("epochs", epochs.rows());
        result.set("epochs", epochs.rows());
        output.write(new StoredModel(kind, model, users, items, histories, details, null), data, result);
        result.put("kind", kind);
        result.put("seed", seed);
        Json.print(spec.commandLine().getOut(), result);
        return Cli.EXIT_OK;
    }

    /** Each user's rated items: what recommendations leave out. */
    private static int[][] rated(Interactions train, int users) {
        UserSequences seen = UserSequences.of(train);
        int[][] histories = new int[users][];
        for (int u = 0; u < users; u++) {
            histories[u] = u < seen.userCount() ? seen.items(u) : new int[0];
        }
        return histories;
    }

    /** An option as given, else, when resuming, the checkpoint's setting, else {@code otherwise}. */
    private static <T> T given(T option, MfState resume, Function<MfConfig, T> saved, T otherwise) {
        return option != null ? option : resume != null ? saved.apply(resume.config()) : otherwise;
    }

    /**
     * Shows the epochs {@code shown} picks (rating MF's full-batch steps are many and quick: every 50th) and, with
     * --checkpoint, saves the model at each of them with the state to resume from.
     */
    private TrainingListener<MfState> listener(EpochLines epochs, IntPredicate shown,
            Function<MfState, StoredModel> checkpoint) {
        return (report, state) -> {
            boolean show = shown.test(report.epoch());
            epochs.add(report, show);
            if (show) {
                checkpoints.save(() -> checkpoint.apply(state));
            }
        };
    }

    private PropensityModel propensityModel(Interactions train, Interactions mcarSample, IdIndex users, IdIndex items,
            long seed) throws ProjectFileException {
        return switch (ips) {
            case "none" -> null;
            case "propensity-column" -> propensities != null
                    ? PropensityTable.read(propensities, train.users(), train.items())
                    : PropensityTable.fromColumn(train);
            case "naive-bayes" -> NaiveBayesPropensities.fit(train, mcarSample, (long) train.users().size() * train.items().size());
            case "dag" -> {
                Dag dag = graph != null ? ModelInputs.readGraph(graph) : data.projectGraph().orElseThrow(
                        () -> new CommandFailure("--ips dag needs --graph FILE (or a project as --data): the causal graph"
                                + " with the exposure and its causes"));
                Table table = data.table();
                List<String> columns = table.columnNames();
                yield DagPropensities.estimate(dag, exposure, table,
                        InteractionFiles.idColumn(columns, false).orElseThrow(() -> noIdColumn("user", columns)),
                        InteractionFiles.idColumn(columns, true).orElseThrow(() -> noIdColumn("item", columns)),
                        users, items, FitOptions.defaults().withSeed(seed), CancellationToken.none());
            }
            default -> throw new CommandFailure("--ips must be none, propensity-column, naive-bayes or dag, not '" + ips + "'");
        };
    }

    private CommandFailure noIdColumn(String what, List<String> columns) {
        return new CommandFailure("--ips dag needs --data with a header naming the " + what + " column (" + what + ", "
                + what + "_id); its columns are " + String.join(", ", columns));
    }
}
