package org.recausal.engine.project;

import java.util.Map;
import java.util.TreeMap;

import org.recausal.engine.model.BoostedTrees;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.ModelChoice;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of the fitted structural causal model's part, {@code scm/model.json}: options, nodes and fits. */
final class ScmJson {

    private ScmJson() {
    }

    /** The fit options, per-node choices sorted by node so that equal options give equal bytes. */
    static ObjectNode options(FitOptions options) {
        ObjectNode json = PartJson.object();
        json.put("choice", options.choice().id());
        ObjectNode perNode = json.putObject("perNode");
        new TreeMap<>(options.perNode()).forEach((node, choice) -> perNode.put(node, choice.id()));
        json.put("noise", options.noise().name().toLowerCase(java.util.Locale.ROOT));
        json.put("folds", options.folds());
        json.put("selectionRows", options.selectionRows());
        BoostedTrees.Settings b = options.boosting();
        json.putObject("boosting").put("trees", b.trees()).put("maxDepth", b.maxDepth()).put("maxNodes", b.maxNodes())
                .put("nodeSize", b.nodeSize()).put("shrinkage", b.shrinkage()).put("maxRows", b.maxRows());
        json.put("seed", options.seed());
        return json;
    }

    static FitOptions options(ObjectNode json, String where) throws ProjectFileException {
        ObjectNode perNodeJson = PartJson.optionalObject(json, "perNode", where);
        Map<String, ModelChoice> perNode = new TreeMap<>();
        if (perNodeJson != null) {
            for (Map.Entry<String, JsonNode> entry : perNodeJson.properties()) {
                perNode.put(entry.getKey(), choice(PartJson.text(perNodeJson, entry.getKey(), where + ": perNode"),
                        where));
            }
        }
        ObjectNode b = PartJson.optionalObject(json, "boosting", where);
        if (b == null) {
            throw new ProjectFileException(where + " has no \"boosting\"");
        }
        String at = where + ": boosting";
        try {
            BoostedTrees.Settings boosting = new BoostedTrees.Settings(PartJson.integer(b, "trees", at),
                    PartJson.integer(b, "maxDepth", at), PartJson.integer(b, "maxNodes", at),
                    PartJson.integer(b, "nodeSize", at), PartJson.number(b, "shrinkage", at),
                    PartJson.integer(b, "maxRows", at));
            return new FitOptions(choice(PartJson.text(json, "choice", where), where), perNode,
                    noise(PartJson.text(json, "noise", where), where), PartJson.integer(json, "folds", where),
                    PartJson.integer(json, "selectionRows", where), boosting, PartJson.longInteger(json, "seed", where));
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static ModelChoice choice(String id, String where) throws ProjectFileException {
        try {
            return ModelChoice.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static FitOptions.NoiseKind noise(String id, String where) throws ProjectFileException {
        for (FitOptions.NoiseKind kind : FitOptions.NoiseKind.values()) {
            if (kind.name().toLowerCase(java.util.Locale.ROOT).equals(id)) {
                return kind;
            }
        }
        throw new ProjectFileException(where + ": unknown noise '" + id + "' (expected empirical or gaussian)");
    }
}
