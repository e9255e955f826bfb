package org.recausal.desktop.recsys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.recausal.engine.recsys.EpochReport;
import org.recausal.engine.recsys.model.StoredModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A model the panel lists: the stored model with its name, how it was trained, its epochs and its evaluation. All
 * of it travels in the model file's details, so a saved model comes back with its curves and report without
 * retraining. A run that was stopped carries its training state as the stored model's checkpoint, and no report
 * until it is resumed; the checkpoint is saved with the project, so the run resumes after the project is reopened.
 *
 * @param settings null for a model trained elsewhere (by the command line), whose data the project may not hold
 * @param report   null while stopped, or for a model trained elsewhere
 */
public record TrainedRecommender(String name, TrainSettings settings, StoredModel stored, List<EpochReport> epochs,
        ModelReport report) {

    public TrainedRecommender {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stored, "stored");
        epochs = List.copyOf(epochs);
    }

    /** Stopped before its last epoch, with the state to resume from. */
    public boolean stopped() {
        return report == null && stored.checkpoint() != null;
    }

    /** The epochs a stopped run finished. */
    public int epochsDone() {
        return stored.checkpoint().epochsDone();
    }

    /**
     * The kind of model, for its curves' labels: as trained here, or read from a model file's kind and (for MF on
     * ratings) the weighting the command line records; null when neither says.
     */
    public ModelKind kind() {
        if (settings != null) {
            return settings.kind();
        }
        return switch (stored.kind()) {
            case StoredModel.SASREC -> ModelKind.SASREC;
            case StoredModel.BPR -> ModelKind.BPR;
            case StoredModel.MF -> switch (stored.details() == null ? "" : stored.details().path("weighting").asString("")) {
                case "ips" -> ModelKind.MF_IPS;
                case "snips" -> ModelKind.MF_SNIPS;
                default -> ModelKind.MF;
            };
            default -> null;
        };
    }

    /** One line for the model list: what it is and where it stands. */
    public String summary() {
        String what = settings == null ? stored.kind() + " (trained elsewhere)" : settings.kind().shortName() + " on "
                + settings.dataset() + ", " + settings.split().shortName();
        if (stopped()) {
            return what + " · stopped at epoch " + epochsDone() + " of " + settings.epochs();
        }
        if (report != null && report.ranking().containsKey("sampled100")) {
            Map<String, Double> m = report.ranking().get("sampled100").metrics();
            return what + String.format(Locale.ROOT, " · HR@10 %.3f, NDCG@10 %.3f", m.get("HR@10"), m.get("NDCG@10"));
        }
        return what;
    }

    /** The model with all of the above in its details, ready for a model file or the project. */
    public StoredModel toStored() {
        ObjectNode details = stored.details() == null ? TrainSettings.JSON.createObjectNode() : stored.details().deepCopy();
        details.put("name", name);
        if (settings != null) {
            details.set("settings", settings.toJson());
        }
        details.set("epochs", epochsJson(epochs));
        if (report != null) {
            details.set("report", report.toJson());
        }
        return new StoredModel(stored.kind(), stored.model(), stored.users(), stored.items(), stored.histories(),
                details, stored.checkpoint());
    }

    /**
     * A model read back from a file or the project; {@code fallbackName} names it when its details do not. Parts of
     * the details this version cannot read are left out rather than failing the whole model.
     */
    public static TrainedRecommender of(StoredModel stored, String fallbackName) {
        JsonNode details = stored.details() == null ? TrainSettings.JSON.createObjectNode() : stored.details();
        TrainSettings settings = null;
        ModelReport report = null;
        try {
            settings = details.has("settings") ? TrainSettings.fromJson(details.get("settings")) : null;
        } catch (RuntimeException e) {
            settings = null;
        }
        try {
            report = details.has("report") ? ModelReport.fromJson(details.get("report")) : null;
        } catch (RuntimeException e) {
            report = null;
        }
        String name = details.path("name").isString() ? details.path("name").asString() : fallbackName;
        // The command line records every epoch of BPR and SASRec but only every 50th step of MF on ratings.
        int total = settings != null ? settings.epochs() : details.path("epochs").valueStream()
                .mapToInt(row -> row.path("epoch").asInt()).max().orElse(0);
        return new TrainedRecommender(name, settings, stored, epochs(details.path("epochs"), total), report);
    }

    /** The epochs as the command line writes them too: epoch, loss, seconds and any validation metrics. */
    private static ArrayNode epochsJson(List<EpochReport> epochs) {
        ArrayNode array = TrainSettings.JSON.createArrayNode();
        for (EpochReport e : epochs) {
            ObjectNode row = array.addObject();
            row.put("epoch", e.epoch());
            row.put("loss", e.loss());
            row.put("seconds", e.seconds());
            row.put("elapsedSeconds", e.elapsedSeconds());
            e.validation().forEach(row::put);
        }
        return array;
    }

    private static List<EpochReport> epochs(JsonNode array, int total) {
        List<EpochReport> epochs = new ArrayList<>();
        for (JsonNode row : array) {
            Map<String, Double> validation = new LinkedHashMap<>();
            row.properties().forEach(e -> {
                if (!List.of("epoch", "loss", "seconds", "elapsedSeconds").contains(e.getKey()) && e.getValue().isNumber()) {
                    validation.put(e.getKey(), e.getValue().asDouble());
                }
            });
            epochs.add(new EpochReport(row.path("epoch").asInt(), total, row.path("loss").asDouble(),
                    row.path("seconds").asDouble(), row.path("elapsedSeconds").asDouble(), validation));
        }
        return epochs;
    }
}
