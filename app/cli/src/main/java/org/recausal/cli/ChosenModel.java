package org.recausal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;

import tools.jackson.databind.node.ObjectNode;

/**
 * The trained model a command explains: a model file, or a recommender saved in a project, named by its id or, when
 * no id matches, by its name (a model file path is accepted there too).
 *
 * @param recommender the project's recommender, or null for a model file
 * @param note        why the recommender may no longer fit the project's data, or null
 */
record ChosenModel(StoredModel model, StoredRecommender recommender, Project project, String note) {

    static ChosenModel of(Path project, String model) throws ProjectFileException {
        if (project == null) {
            return new ChosenModel(ModelFile.read(Path.of(model)), null, null, null);
        }
        Project opened = ProjectFiles.open(project);
        List<StoredRecommender> all = opened.recommenders();
        StoredRecommender chosen = opened.recommender(model).orElse(null);
        if (chosen == null) {
            List<StoredRecommender> named = all.stream().filter(r -> r.name().equals(model)).toList();
            if (named.size() > 1) {
                throw new CommandFailure(project.getFileName() + " has " + named.size() + " recommenders named '" + model
                        + "': give one's id (" + named.stream().map(StoredRecommender::id).collect(Collectors.joining(", "))
                        + ")");
            }
            chosen = named.isEmpty() ? null : named.get(0);
        }
        if (chosen != null) {
            String note = chosen.isStale(opened) ? "recommender '" + chosen.id() + "' was trained on dataset '"
                    + chosen.trainedOn().dataset() + "', which changed since or is no longer in the project" : null;
            return new ChosenModel(chosen.model(), chosen, opened, note);
        }
        if (Files.isRegularFile(Path.of(model))) {
            return new ChosenModel(ModelFile.read(Path.of(model)), null, null, null);
        }
        if (all.isEmpty()) {
            throw new CommandFailure(project.getFileName() + " holds no recommenders: train one in the app and save the"
                    + " project, or give a model file (from train sasrec) as --model");
        }
        throw new CommandFailure(project.getFileName() + " has no recommender '" + model + "' (its recommenders: "
                + all.stream().map(r -> r.id() + " \"" + r.name() + "\" (" + r.kind() + ")")
                        .collect(Collectors.joining(", ")) + ")");
    }

    /** Says in a result which of the project's recommenders it came from, and the note. */
    void describe(ObjectNode result) {
        if (recommender == null) {
            return;
        }
        ObjectNode node = result.putObject("recommender");
        node.put("id", recommender.id());
        node.put("name", recommender.name());
        if (recommender.trainedOn() != null) {
            node.put("trained_on", recommender.trainedOn().dataset());
        }
        if (note != null) {
            node.put("note", note);
        }
    }
}
