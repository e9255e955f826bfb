package org.recausal.cli;

import java.nio.file.Path;
import java.util.List;

import org.recausal.engine.project.Dataset;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.project.StoredRecommender;
import org.recausal.engine.recsys.model.StoredModel;

/** The trained recommenders a project keeps: stored by {@code train --save}, found by evaluate and recommend. */
final class ProjectRecommenders {
    private ProjectRecommenders() {
    }

    /**
     * Stores the model under the name, replacing the recommender that already has it as id or name (a retrained
     * one keeps its place), and writes the project anew atomically.
     *
     * @return the recommender's id
     */
    static String save(Project project, Path file, String name, StoredModel model, Dataset trainedOn)
            throws ProjectFileException {
        if (name.isBlank()) {
            throw new CommandFailure("--save needs a name for the recommender");
        }
        StoredRecommender existing = named(project, name);
        String id = existing != null ? existing.id() : freeId(project, name);
        StoredRecommender stored = new StoredRecommender(id, name, model, StoredRecommender.TrainedOn.of(trainedOn));
        if (existing != null) {
            project.replaceRecommender(stored);
        } else {
            project.addRecommender(stored);
        }
        ProjectFiles.save(project, file);
        return id;
    }

    /** The recommender with this id or name; a failure listing the stored ones when there is none. */
    static StoredRecommender find(Project project, Path file, String idOrName) {
        StoredRecommender found = named(project, idOrName);
        if (found == null) {
            List<String> stored = project.recommenders().stream()
                    .map(r -> r.name().equals(r.id()) ? r.id() : r.id() + " (" + r.name() + ")").toList();
            throw new CommandFailure(file.getFileName() + " has no recommender '" + idOrName + "' and there is no"
                    + " model file of that name (" + (stored.isEmpty() ? "it stores no recommenders; train one with"
                    + " --save NAME" : "its recommenders: " + String.join(", ", stored)) + ")");
        }
        return found;
    }

    static StoredRecommender named(Project project, String idOrName) {
        return project.recommender(idOrName).orElseGet(() -> project.recommenders().stream()
                .filter(r -> r.name().equals(idOrName)).findFirst().orElse(null));
    }

    /** An id made of the name's letters and digits, numbered when another recommender has it. */
    private static String freeId(Project project, String name) {
        String base = name.replaceAll("[^A-Za-z0-9_.-]+", "-").replaceAll("^[^A-Za-z0-9]+", "");
        base = base.isEmpty() ? "recommender" : base.substring(0, Math.min(base.length(), 60));
        String id = base;
        for (int n = 2; project.recommender(id).isPresent(); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
