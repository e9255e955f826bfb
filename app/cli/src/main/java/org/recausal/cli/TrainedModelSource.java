package org.recausal.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.recausal.engine.project.Project;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;

import picocli.CommandLine.Option;

import tools.jackson.databind.node.ObjectNode;

/** The trained model evaluate and recommend use (a picocli mixin): a model file or a project's recommender. */
final class TrainedModelSource {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "A model file, or the id or name of a recommender stored in the project (train --save).")
    String model;

    @Option(names = "--project", paramLabel = "PROJECT",
            description = "The project whose stored recommender --model names.")
    Path project;

    /**
     * A model read from its file or from the project (a recommender there takes precedence over a file of the same
     * name).
     *
     * @param recommender the project's recommender it came from, or null for a model file
     * @param note        a warning that the data the recommender was trained on changed since, or null
     */
    record Chosen(StoredModel model, String label, StoredRecommender recommender, String note) {
        /** Puts the note, when there is one, in a result as {@code model_note}. */
        void describe(ObjectNode result) {
            if (note != null) {
                result.put("model_note", note);
            }
        }
    }

    /** @param opened the project, when there is one, opened from {@code file} */
    Chosen choose(Project opened, Path file) {
        Path asFile = Path.of(model);
        if (opened != null && (ProjectRecommenders.named(opened, model) != null || !Files.exists(asFile))) {
            StoredRecommender found = ProjectRecommenders.find(opened, file, model);
            String note = found.isStale(opened) ? "dataset " + found.trainedOn().dataset() + " of " + file.getFileName()
                    + " changed or is gone since recommender " + found.id() + " was trained on it" : null;
            return new Chosen(found.model(), found.id() + " in " + file.getFileName(), found, note);
        }
        return new Chosen(ModelFile.read(asFile), asFile.getFileName().toString(), null, null);
    }
}
