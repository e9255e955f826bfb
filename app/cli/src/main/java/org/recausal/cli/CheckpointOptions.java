package org.recausal.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;

import picocli.CommandLine.Option;

import tools.jackson.databind.node.ObjectNode;

/**
 * Where the train commands save a resumable checkpoint, and the checkpoint they resume from (a picocli mixin). A
 * resumed run reads its data into the checkpoint's user and item indices, so that they line up, and must then find
 * the same interactions the checkpoint was trained on.
 */
final class CheckpointOptions {
    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Save a resumable checkpoint after every epoch.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue from a checkpoint written by --checkpoint.")
    Path resume;

    private StoredModel resumed;
    private int users;
    private int items;

    /**
     * The model file of --resume (null without it), read once; refused when it holds no checkpoint or one of a model
     * of none of these {@code kinds}.
     */
    StoredModel resumed(String... kinds) {
        if (resume == null) {
            return null;
        }
        if (resumed == null) {
            StoredModel saved = ModelFile.read(resume);
            if (saved.checkpoint() == null) {
                throw new CommandFailure(resume.getFileName() + " is a model file without a checkpoint (write one with --checkpoint)");
            }
            resumed = saved;
            users = saved.users().size();
            items = saved.items().size();
        }
        if (!List.of(kinds).contains(resumed.kind())) {
            throw new CommandFailure(resume.getFileName() + " is a checkpoint of a " + resumed.kind() + " model, not of "
                    + String.join(" or ", kinds));
        }
        return resumed;
    }

    /**
     * Refuses data, read into the checkpoint's indices, that are not those it was trained on: new users or items,
     * or other per-user histories ({@code histories}, as the run would store them).
     */
    void requireSameData(InteractionSource data, int[][] histories) throws ProjectFileException {
        if (resumed != null && (resumed.users().size() != users || resumed.items().size() != items
                || !Arrays.deepEquals(resumed.histories(), histories))) {
            throw new CommandFailure(data.name() + " holds other interactions than " + resume.getFileName()
                    + " was trained on (new users or items, or other histories); resume on the same data");
        }
    }

    /**
     * Refuses to resume when the run's {@code details} and the checkpoint's differ at {@code key}; a key one of them
     * lacks counts as differing.
     */
    void requireSameDetail(ObjectNode details, String key, String what) {
        if (resumed != null && !details.path(key).equals(resumed.details().path(key))) {
            throw new CommandFailure("this run has " + what + " than " + resume.getFileName() + " was trained with;"
                    + " resume on the same data and settings");
        }
    }

    /**
     * Writes the model, with its checkpoint, when --checkpoint asks for one; atomically, so that a run killed while
     * writing keeps the checkpoint before.
     */
    void save(Supplier<StoredModel> model) {
        if (checkpoint != null) {
            ModelFile.write(checkpoint, model.get());
        }
    }
}
