package org.recausal.cli;

import java.nio.file.Path;

import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import tools.jackson.databind.node.ObjectNode;

/** Where the train commands keep a trained model (a picocli mixin): a model file, the project it was trained on, or both. */
final class ModelOutput {
    @Option(names = "--out", paramLabel = "MODEL", description = "Model file to write.")
    Path out;

    @Option(names = "--save", paramLabel = "NAME",
            description = "Store the recommender under this name in the PROJECT given as --data (written anew atomically);"
                    + " one already stored under that name or id is replaced.")
    String save;

    /** Checked before training, so that no training time is lost to a model with nowhere to go. */
    void check(CommandSpec spec, InteractionSource data) {
        if (out == null && save == null) {
            throw Arguments.invalid(spec, "give --out MODEL, --save NAME or both: where the trained model goes");
        }
        if (save != null && !data.isProject()) {
            throw Arguments.invalid(spec, "--save stores the recommender in the project it is trained on; "
                    + data.data.getFileName() + " is an interaction file, not a project (use --out MODEL)");
        }
    }

    /** Writes the model where asked and says where in the result. */
    void write(StoredModel model, InteractionSource data, ObjectNode result) throws ProjectFileException {
        if (out != null) {
            ModelFile.write(out, model);
            result.put("model", out.toString());
        }
        if (save != null) {
            String id = ProjectRecommenders.save(data.project(), data.data, save, model, data.projectDataset());
            result.put("saved", data.data.toString());
            result.put("recommender", id);
        }
    }
}
