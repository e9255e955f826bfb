package org.recausal.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.recausal.engine.recsys.Parallel;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecState;
import org.recausal.engine.recsys.sasrec.SasRecTrainer;
import org.recausal.engine.recsys.split.SequenceData;
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
            "each user's last item held out for testing and the one before for validation. Prints JSON;",
            "one progress line per epoch on stderr."})
final class TrainSasRecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InteractionSource data;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Model file to write.")
    Path out;

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

    @Option(names = "--epochs", defaultValue = "200", description = "Epochs (default 200).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default 1).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    Integer threads;

    @Option(names = "--validate-every", defaultValue = "10", paramLabel = "E",
            description = "Validation HR@10/NDCG@10 every E epochs (default 10; 0 = never).")
    int validateEvery;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save a resumable checkpoint after every epoch.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue from a checkpoint written by --checkpoint.")
    Path resume;

    @Override
    public Integer call() throws ProjectFileException {
        SasRecConfig config = new SasRecConfig(maxLength, dimension, blocks, heads, dropout, learningRate, batch, epochs, seed);
        SasRecState state = null;
        var log = data.read();
        if (resume != null) {
            StoredModel saved = ModelFile.read(resume);
            if (saved.checkpoint() == null) {
                throw new CommandFailure(resume.getFileName() + " is a model file without a checkpoint (write one with --checkpoint)");
            }
            state = saved.checkpoint();
            log = data.read(saved.users(), saved.items());
            if (log.users().size() != saved.users().size() || log.items().size() != saved.items().size()) {
                throw new CommandFailure(data.name() + " holds users or items the checkpoint does not know; resume on the same data");
            }
        }
        SequenceData split = SequenceData.leaveOneOut(log);
        PrintWriter err = spec.commandLine().getErr();
        ArrayNode history = Json.object().arrayNode();
        ObjectNode details = Json.object();
        details.put("data", data.name());
        details.put("split", "leave-one-out");
        SasRecTrainer trainer = new SasRecTrainer(config, threads == null ? Parallel.defaultThreads() : threads)
                .validateEvery(validateEvery);
        var users = log.users();
        var items = log.items();
        SasRecModel model = trainer.train(split.train(), users, items, split.validation(), state, (report, current) -> {
            ObjectNode row = history.addObject();
            row.put("epoch", report.epoch());
            row.put("loss", report.loss());
            row.put("seconds", report.seconds());
            report.validation().forEach(row::put);
            err.printf("epoch %d/%d  loss %.4f  %.1fs%s%n", report.epoch(), config.epochs(), report.loss(), report.seconds(),
                    report.validation().isEmpty() ? "" : "  validation HR@10 %.4f NDCG@10 %.4f".formatted(
                            report.validation().get("HR@10"), report.validation().get("NDCG@10")));
            err.flush();
            if (checkpoint != null) {
                SasRecModel snapshot = new SasRecModel(config, users, items, current.params());
                ModelFile.write(checkpoint, new StoredModel(StoredModel.SASREC, snapshot, users, items, split.everything(),
                        details, current));
            }
        }, CancellationToken.none());
        details.set("epochs", history);
        ModelFile.write(out, new StoredModel(StoredModel.SASREC, model, users, items, split.everything(), details, null));
        ObjectNode result = Json.object();
        result.put("model", out.toString());
        result.put("kind", StoredModel.SASREC);
        result.put("users", users.size());
        result.put("items", items.size());
        result.set("epochs", history);
        Json.print(spec.commandLine().getOut(), result);
        return Cli.EXIT_OK;
    }
}
