package org.recausal.cli;

import java.io.PrintWriter;
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

    @Option(names = "--dropout", defaultValue = "0.5", description = "Dropout rate (default 0.5).")
    float dropout;

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

    @Override
    public Integer call() throws ProjectFileException {
        output.check(spec, data);
        SasRecConfig config = new SasRecConfig(maxLength, dimension, blocks, heads, dropout, learningRate, batch, epochs, seed);
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
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode history = Json.object().arrayNode();
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
        SasRecTrainer trainer = new SasRecTrainer(config, threads == null ? Parallel.defaultThreads() : threads)
                .validateEvery(validateEvery).keepBest(keepBest).features(features);
        int[] selected = {0};
        var users = log.users();
        var items = log.items();
        SideFeatures side = features;
        SasRecModel model = trainer.train(split.train(), users, items, split.validation(), state, (report, current) -> {
            ObjectNode row = history.addObject();
            row.put("epoch", report.epoch());
            row.put("loss", report.loss());
            row.put("seconds", report.seconds());
            row.put("elapsedSeconds", report.elapsedSeconds());
            report.validation().forEach(row::put);
            selected[0] = keepBest && current.bestEpoch() > 0 ? current.bestEpoch() : report.epoch();
            err.printf("epoch %d/%d  loss %.4f  %.1fs%s%n", report.epoch(), config.epochs(), report.loss(), report.seconds(),
                    report.validation().isEmpty() ? "" : "  validation HR@10 %.4f NDCG@10 %.4f".formatted(
                            report.validation().get("HR@10"), report.validation().get("NDCG@10")));
            err.flush();
            checkpoints.save(() -> new StoredModel(StoredModel.SASREC, new SasRecModel(config, users, items,
                    current.params(), side), users, items, split.everything(), details, current));
        }, CancellationToken.none());
        details.set("epochs", history);
        details.put("selectedEpoch", selected[0]);
        ObjectNode result = Json.object();
        output.write(new StoredModel(StoredModel.SASREC, model, users, items, split.everything(), details, null), data, result);
        result.put("kind", StoredModel.SASREC);
        result.put("users", users.size());
        result.put("items", items.size());
        result.put("selectedEpoch", selected[0]);
        if (traits != null) {
            result.set("features", traits);
        }
        result.set("epochs", history);
        Json.print(spec.commandLine().getOut(), result);
        return Cli.EXIT_OK;
    }
}
