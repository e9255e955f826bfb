package org.recausal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.features.TraitSelection;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecState;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.recsys.split.SequenceData;
import org.recausal.engine.recsys.split.SplitSpec;
import org.recausal.engine.task.CancellationToken;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "sasrec", mixinStandardHelpOptions = true,
        description = {"Train SASRec (Kang & McAuley 2018) on a log of 'user item' lines, any interaction file or a project's log,",
            "each user's last item held out for testing and the one before for validation (or --split). Prints JSON;",
            "one progress line per epoch on stderr. --out writes a model file, --save NAME stores it in the --data project.",
            "--features adds the users' and items' traits (the DAG's variables that feed the recommender, or named ones)."})
final class TrainSasRecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InteractionSource data;

    @Mixin
    RecsysSplitOptions splitOptions;

    @Mixin
    ModelOutput output;

    @Mixin
    FeatureOption featureOption;

    @Option(names = "--maxlen", defaultValue = "50", description = "Longest history read (default 50).")
    int maxLength;

    @Option(names = "--dim", defaultValue = "50", description = "Embedding size (default 50).")
    int dimension;

    @Option(names = "--blocks", defaultValue = "2", description = "Self-attention blocks (default 2).")
    int blocks;

    @Option(names = "--heads", defaultValue = "1", description = "Attention heads (default 1).")
    int heads;

    @Option(names = "--dropout", defaultValue = "0.5", split = ",", paramLabel = "R",
            description = {"Dropout rate (default 0.5). Several (e.g. 0.4,0.5,0.6,0.7): one model each, and the one with",
                "the best validation NDCG@10 is kept (the others are listed under trials)."})
    List<Float> dropouts;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default 0.001).")
    float learningRate;

    @Option(names = "--batch", defaultValue = "128", description = "Sequences per step (default 128).")
    int batch;

    @Option(names = "--epochs", defaultValue = "201", description = "Epochs (default 201, as the authors' script).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--validate-every", defaultValue = "20", paramLabel = "E",
            description = "Validation HR@10/NDCG@10 every E epochs and after the last (default 20; 0 = never).")
    int validateEvery;

    @Option(names = "--select", defaultValue = "best", paramLabel = "best|last",
            description = "Keep the weights with the best validation NDCG@10 (default) or the last ones.")
    String select;

    @Mixin
    CheckpointOptions checkpoints;

    /** One trained model and how it did on the validation items. */
    private record Trial(float dropout, SasRecModel model, ArrayNode epochs, int selectedEpoch, double validationNdcg) {
    }

    @Override
    public Integer call() throws ProjectFileException {
        output.check(spec, data);
        if (dropouts.size() > 1 && (checkpoints.checkpoint != null || checkpoints.resume != null)) {
            throw new CommandFailure("--checkpoint and --resume take one --dropout rate, not " + dropouts.size());
        }
        if (dropouts.size() > 1 && validateEvery < 1) {
            throw new CommandFailure("several --dropout rates are chosen between on the validation items: --validate-every must be at least 1");
        }
        StoredModel saved = checkpoints.resumed(StoredModel.SASREC);
        if (saved != null && featureOption.requested()) {
            throw new CommandFailure("--resume continues with the checkpoint's own side features; leave out --features");
        }
        SasRecState state = saved == null ? null : (SasRecState) saved.checkpoint();
        SideFeatures features = saved == null ? null : saved.sasrec().features();
        var log = saved == null ? data.read() : data.read(saved.users(), saved.items());
        ObjectNode traits = null;
        if (featureOption.requested()) {
            TraitSelection.Selection selection = featureOption.select(data, log);
            features = selection.features();
            traits = FeatureOption.toJson(selection);
        }
        SplitSpec splitSpec = splitOptions.spec(seed, SplitSpec.LEAVE_ONE_OUT);
        SequenceData split = SequenceData.of(log, splitSpec.apply(log));
        checkpoints.requireSameData(data, split.everything());
        ObjectNode details = Json.object();
        details.put("data", data.name());
        details.put("split", splitSpec.label());
        if (traits != null) {
            details.set("features", traits);
        }
        boolean keepBest = switch (select) {
            case "best" -> true;
            case "last" -> false;
            default -> throw new CommandFailure("--select must be best or last, not '" + select + "'");
        };
        ArrayNode trials = Json.object().arrayNode();
        Trial chosen = null;
        for (float dropout : dropouts) {
            SasRecConfig config = new SasRecConfig(maxLength, dimension, blocks, heads, dropout, learningRate, batch, epochs, seed);
            Trial trial = train(config, split, features, state, keepBest, details);
            trials.addObject().put("dropout", dropout).put("selectedEpoch", trial.selectedEpoch())
                    .put("validationNDCG@10", trial.validationNdcg());
            // Ties keep the earlier rate; a run without validation has NaN and is chosen only when alone.
            if (chosen == null || trial.validationNdcg() > chosen.validationNdcg()) {
                chosen = trial;
            }
        }
        details.set("epochs", chosen.epochs());
        details.put("selectedEpoch", chosen.selectedEpoch());
        ObjectNode result = Json.object();
        if (dropouts.size() > 1) {
            details.set("dropoutTrials", trials);
            result.set("trials", trials);
            result.put("dropout", chosen.dropout());
        }
        var users = log.users();
        var items = log.items();
        output.write(new StoredModel(StoredModel.SASREC, chosen.model(), users, items, split.everything(), details, null), data, result);
        result.put("kind", StoredModel.SASREC);
        result.put("users", users.size());
        result.put("items", items.size());
        result.put("selectedEpoch", chosen.selectedEpoch());
        if (traits != null) {
            result.set("features", traits);
        }
        result.set("epochs", chosen.epochs());
        Json.print(spec.commandLine().getOut(), result);
        return Cli.EXIT_OK;
    }

    private Trial train(SasRecConfig config, SequenceData split, SideFeatures features, SasRecState state, boolean keepBest,
            ObjectNode details) {
        PrintWriter err = spec.commandLine().getErr();
        String prefix = dropouts.size() > 1 ? "dropout " + config.dropout() + "  " : "";
        ArrayNode history = Json.object().arrayNode();
        SasRecTrainer trainer = new SasRecTrainer(config, threads == null ? Parallel.defaultThreads() : threads)
                .validateEvery(validateEvery).keepBest(keepBest).features(features);
        int[] selected = {0};
        double[] score = {Double.NaN};
        var log = split.log();
        var users = log.users();
        var items = log.items();
        SasRecModel model = trainer.train(split.train(), users, items, split.validation(), state, (report, current) -> {
            ObjectNode row = history.addObject();
            row.put("epoch", report.epoch());
            row.put("loss", report.loss());
            row.put("seconds", report.seconds());
            row.put("elapsedSeconds", report.elapsedSeconds());
            report.validation().forEach(row::put);
            selected[0] = keepBest && current.bestEpoch() > 0 ? current.bestEpoch() : report.epoch();
            if (keepBest) {
                score[0] = current.bestScore();
            } else if (report.validation().containsKey("NDCG@10")) {
                score[0] = report.validation().get("NDCG@10");
            }
            err.printf("%sepoch %d/%d  loss %.4f  %.1fs%s%n", prefix, report.epoch(), config.epochs(), report.loss(),
                    report.seconds(), report.validation().isEmpty() ? "" : "  validation HR@10 %.4f NDCG@10 %.4f".formatted(
                            report.validation().get("HR@10"), report.validation().get("NDCG@10")));
            err.flush();
            checkpoints.save(() -> new StoredModel(StoredModel.SASREC, new SasRecModel(config, users, items,
                    current.params(), features), users, items, split.everything(), details, current));
        }, CancellationToken.none());
        return new Trial(config.dropout(), model, history, selected[0], score[0]);
    }
}
