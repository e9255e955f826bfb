package org.recausal.engine.project;

import java.util.Objects;
import java.util.regex.Pattern;

import org.recausal.engine.recsys.model.StoredModel;

/**
 * A trained recommender kept in the project: the model (written in the recommender model file format) under an id
 * and a display name, and the data it was trained on.
 *
 * @param id        1 to 64 letters, digits, {@code _}, {@code -}, {@code .}, starting with a letter or digit
 * @param trainedOn the project dataset it was trained on and that dataset's SHA-256 then, or null when it was trained
 *                  on data outside the project
 */
public record StoredRecommender(String id, String name, StoredModel model, TrainedOn trainedOn) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** A dataset of the project and its SHA-256 when the model was trained. */
    public record TrainedOn(String dataset, String sha256) {
        public TrainedOn {
            Objects.requireNonNull(dataset, "dataset");
            Objects.requireNonNull(sha256, "sha256");
        }

        public static TrainedOn of(Dataset dataset) {
            return new TrainedOn(dataset.id(), dataset.source().fingerprint().sha256());
        }
    }

    public StoredRecommender {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a recommender id: use 1 to 64 letters, digits,"
                    + " '_', '-' or '.', starting with a letter or digit");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("recommender '" + id + "' needs a name");
        }
    }

    /** {@code sasrec}, {@code mf} or {@code bpr}. */
    public String kind() {
        return model.kind();
    }

    /** Whether the dataset it was trained on is gone from the project or its data changed since. */
    public boolean isStale(Project project) {
        return trainedOn != null && project.dataset(trainedOn.dataset())
                .map(d -> !d.source().fingerprint().sha256().equals(trainedOn.sha256())).orElse(true);
    }
}
