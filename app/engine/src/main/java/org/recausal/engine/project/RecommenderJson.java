package org.recausal.engine.project;

import java.security.MessageDigest;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.model.ModelFile;
import org.recausal.engine.recsys.model.StoredModel;

import tools.jackson.databind.node.ObjectNode;

/**
 * A trained recommender's part, {@code recommenders/<id>.json}, and its model, {@code models/<id>.bin}: a recommender
 * model file (docs/recommender-model-format.md) embedded as it is, with its size and SHA-256 in the part.
 */
final class RecommenderJson {

    private RecommenderJson() {
    }

    static String partPath(String id) {
        return ProjectFormat.RECOMMENDERS_FOLDER + id + ".json";
    }

    static String entryPath(String id) {
        return ProjectFormat.MODELS_FOLDER + id + ".bin";
    }

    /** The part's JSON and the model's bytes. */
    record Encoded(ObjectNode json, byte[] model) {
    }

    static Encoded encode(StoredRecommender recommender) {
        byte[] model = ModelFile.toBytes(recommender.model());
        ObjectNode json = PartJson.object();
        json.put("id", recommender.id());
        json.put("name", recommender.name());
        json.put("kind", recommender.kind());
        json.put("entry", entryPath(recommender.id()));
        json.put("size", model.length);
        json.put("sha256", sha256(model));
        if (recommender.trainedOn() == null) {
            json.putNull("trainedOn");
        } else {
            json.putObject("trainedOn").put("dataset", recommender.trainedOn().dataset())
                    .put("sha256", recommender.trainedOn().sha256());
        }
        json.set("details", recommender.model().details());
        return new Encoded(json, model);
    }

    static StoredRecommender decode(String part, ObjectNode json, ProjectArchive archive)
            throws ProjectFileException {
        String id = PartJson.text(json, "id", part);
        if (!part.equals(partPath(id))) {
            throw new ProjectFileException(part + ": the id '" + id + "' does not match the part's name");
        }
        String entry = PartJson.text(json, "entry", part);
        if (!entry.equals(entryPath(id))) {
            throw new ProjectFileException(part + ": \"entry\" must be " + entryPath(id) + ", not "
                    + EntryName.quote(entry));
        }
        long size = PartJson.longInteger(json, "size", part);
        if (!archive.contains(entry)) {
            throw new ProjectFileException(part + ": names " + entry + ", which the file does not have");
        }
        if (size < 0 || size > ProjectArchive.MAX_ENTRY_BYTES || archive.declaredSize(entry) != size) {
            throw new ProjectFileException(entry + ": declares " + Bytes.describe(archive.declaredSize(entry)) + ", "
                    + part + " says " + size + " bytes");
        }
        byte[] bytes = archive.read(entry, size);
        String sha256 = PartJson.text(json, "sha256", part);
        if (!sha256.equals(sha256(bytes))) {
            throw new ProjectFileException(entry + ": its SHA-256 differs from the one " + part
                    + " gives; the model is damaged");
        }
        StoredModel model;
        try {
            model = ModelFile.fromBytes(bytes, entry);
        } catch (RecsysException e) {
            throw new ProjectFileException(e.getMessage(), e);
        }
        String kind = PartJson.text(json, "kind", part);
        if (!kind.equals(model.kind())) {
            throw new ProjectFileException(part + ": says kind '" + kind + "' but " + entry + " holds a '"
                    + model.kind() + "' model");
        }
        ObjectNode trained = PartJson.optionalObject(json, "trainedOn", part);
        StoredRecommender.TrainedOn trainedOn = trained == null ? null : new StoredRecommender.TrainedOn(
                PartJson.text(trained, "dataset", part + ": trainedOn"),
                PartJson.text(trained, "sha256", part + ": trainedOn"));
        try {
            return new StoredRecommender(id, PartJson.text(json, "name", part), model, trainedOn);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(part + ": " + e.getMessage(), e);
        }
    }

    private static String sha256(byte[] bytes) {
        MessageDigest digest = FileFingerprint.newDigest();
        digest.update(bytes);
        return FileFingerprint.hex(digest);
    }
}
