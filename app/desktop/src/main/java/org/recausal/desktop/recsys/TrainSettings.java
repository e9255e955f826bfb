package org.recausal.desktop.recsys;

import java.util.Objects;

import org.recausal.engine.recsys.data.TableInteractions;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.sasrec.SasRecConfig;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything a training run needs besides the data themselves: which dataset and columns, the model and its
 * hyper-parameters, and the split. Saved with the model (as JSON in its details), so a reloaded model says how it
 * was trained and a stopped SASRec run can be resumed on the same split.
 *
 * @param dataset       the project dataset's id
 * @param sasrec        SASRec's settings (SASRec only, else null)
 * @param mf            matrix factorisation's settings (the other kinds, else null); {@code steps} are epochs for BPR
 * @param validateEvery SASRec: validation HR@10 and NDCG@10 every this many epochs
 * @param exposure      IPS and SNIPS: the DAG's exposure variable whose fitted mechanism gives the propensities, or
 *                      null to take them from the propensity column
 * @param sideFeatures  SASRec: whether it also reads the DAG's variables that feed the recommender (user and item
 *                      traits, see {@link org.recausal.engine.recsys.features.TraitSelection})
 */
public record TrainSettings(String dataset, TableInteractions.Columns columns, ModelKind kind, SplitKind split,
        double testShare, double validationShare, SasRecConfig sasrec, MfConfig mf, int validateEvery, String exposure,
        boolean sideFeatures) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    public TrainSettings {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(split, "split");
        if ((kind == ModelKind.SASREC) != (sasrec != null) || (kind == ModelKind.SASREC) == (mf != null)) {
            throw new IllegalArgumentException("SASRec takes SasRecConfig, the other models MfConfig");
        }
    }

    /** Settings without side features. */
    public TrainSettings(String dataset, TableInteractions.Columns columns, ModelKind kind, SplitKind split,
            double testShare, double validationShare, SasRecConfig sasrec, MfConfig mf, int validateEvery, String exposure) {
        this(dataset, columns, kind, split, testShare, validationShare, sasrec, mf, validateEvery, exposure, false);
    }

    public long seed() {
        return sasrec != null ? sasrec.seed() : mf.seed();
    }

    /** How many epochs (or optimiser steps, for MF on ratings) the run is set to. */
    public int epochs() {
        return sasrec != null ? sasrec.epochs() : mf.steps();
    }

    ObjectNode toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("dataset", dataset);
        ObjectNode c = json.putObject("columns");
        c.put("user", columns.user());
        c.put("item", columns.item());
        c.put("time", columns.time());
        c.put("feedback", columns.feedback());
        c.put("propensity", columns.propensity());
        json.put("model", kind.name());
        json.put("split", split.shortName());
        json.put("testShare", testShare);
        json.put("validationShare", validationShare);
        json.put("validateEvery", validateEvery);
        json.put("exposure", exposure);
        json.put("sideFeatures", sideFeatures);
        ObjectNode h = json.putObject("hyperParameters");
        if (sasrec != null) {
            h.put("maxlen", sasrec.maxLength());
            h.put("dim", sasrec.dimension());
            h.put("blocks", sasrec.blocks());
            h.put("heads", sasrec.heads());
            h.put("dropout", sasrec.dropout());
            h.put("lr", sasrec.learningRate());
            h.put("batch", sasrec.batchSize());
            h.put("epochs", sasrec.epochs());
            h.put("seed", sasrec.seed());
        } else {
            h.put("factors", mf.factors());
            h.put("lambda", mf.lambda());
            h.put("steps", mf.steps());
            h.put("lr", mf.learningRate());
            h.put("seed", mf.seed());
        }
        return json;
    }

    /** @throws IllegalArgumentException when the JSON does not describe settings (a model trained elsewhere) */
    static TrainSettings fromJson(JsonNode json) {
        JsonNode c = json.path("columns");
        JsonNode h = json.path("hyperParameters");
        if (!json.path("dataset").isString() || !c.path("user").isString() || !h.isObject()) {
            throw new IllegalArgumentException("the model's details hold no training settings");
        }
        ModelKind kind = ModelKind.valueOf(json.path("model").asString());
        TableInteractions.Columns columns = new TableInteractions.Columns(c.path("user").asString(),
                c.path("item").asString(), text(c.path("time")), text(c.path("feedback")), text(c.path("propensity")));
        SasRecConfig sasrec = kind != ModelKind.SASREC ? null : new SasRecConfig(h.path("maxlen").asInt(),
                h.path("dim").asInt(), h.path("blocks").asInt(), h.path("heads").asInt(), (float) h.path("dropout").asDouble(),
                (float) h.path("lr").asDouble(), h.path("batch").asInt(), h.path("epochs").asInt(), h.path("seed").asLong());
        MfConfig mf = kind == ModelKind.SASREC ? null : new MfConfig(h.path("factors").asInt(), h.path("lambda").asDouble(),
                h.path("steps").asInt(), (float) h.path("lr").asDouble(), h.path("seed").asLong());
        return new TrainSettings(json.path("dataset").asString(), columns, kind, SplitKind.ofShortName(json.path("split")
                .asString()), json.path("testShare").asDouble(), json.path("validationShare").asDouble(), sasrec, mf,
                json.path("validateEvery").asInt(), text(json.path("exposure")), json.path("sideFeatures").asBoolean(false));
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
