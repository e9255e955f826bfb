package org.recausal.engine.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.recausal.engine.model.BoostedTrees;
import org.recausal.engine.model.Features;
import org.recausal.engine.model.ModelParameters;
import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.AdditiveNoiseMechanism;
import org.recausal.engine.scm.Confounding;
import org.recausal.engine.scm.DiscreteMechanism;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Mechanism;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.NodeFit;
import org.recausal.engine.scm.NoiseDistribution;
import org.recausal.engine.scm.StructuralCausalModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fitted structural causal model's part, {@code scm/model.json}: what it was fitted on and with, each node's
 * scale, parents, mechanism with its fitted parameters ({@link ModelParameters}) and noise, and the report of its
 * fit. Long arrays (empirical residuals, trees) go to the binary entry {@code scm/arrays.bin}.
 */
final class ScmJson {
    static final String ADDITIVE = "additive-noise";
    static final String DISCRETE = "discrete";
    /** A limit on the binary entry: residuals of a few hundred nodes. */
    static final long MAX_ARRAYS_BYTES = 1L << 28;

    private ScmJson() {
    }

    /** The part's JSON and its binary entry (null when every array fits inline). */
    record Encoded(ObjectNode json, byte[] arrays) {
    }

    /** @throws IllegalArgumentException when a mechanism is of a kind that cannot be saved */
    static Encoded encode(StoredScm stored) {
        FittedScm fitted = stored.fitted();
        BinaryArrays.Writer arrays = new BinaryArrays.Writer();
        ObjectNode json = PartJson.object();
        json.set("fittedOn", AnalysisJson.fingerprint(stored.fittedOn()));
        json.set("options", options(fitted.options()));
        json.put("rows", fitted.rows());
        ArrayNode nodes = json.putArray("nodes");
        for (StructuralCausalModel.Node node : fitted.model().nodes()) {
            ObjectNode item = nodes.addObject();
            item.put("name", node.name());
            item.set("scale", scale(node.scale()));
            ArrayNode parents = item.putArray("parents");
            node.mechanism().parents().forEach(parents::add);
            switch (node.mechanism()) {
                case AdditiveNoiseMechanism additive -> {
                    item.put("mechanism", ADDITIVE);
                    item.set("model", parameters(ModelParameters.of(additive.model()), arrays));
                    item.set("noise", noise(additive.noise(), arrays));
                }
                case DiscreteMechanism discrete -> {
                    item.put("mechanism", DISCRETE);
                    item.set("model", parameters(ModelParameters.of(discrete.model()), arrays));
                }
                default -> throw new IllegalArgumentException("the mechanism of '" + node.name() + "' ("
                        + node.mechanism().description() + ") is not a fitted one and cannot be saved");
            }
            item.set("fit", NodeFitJson.toJson(fitted.fit(node.name())));
        }
        ArrayNode confounding = json.putArray("confounding");
        for (Confounding c : fitted.model().confounding()) {
            ObjectNode item = confounding.addObject();
            item.put("latent", c.latent());
            ArrayNode affected = item.putArray("affected");
            c.affected().forEach(affected::add);
        }
        if (!arrays.isEmpty()) {
            json.put("arrays", ProjectFormat.SCM_ARRAYS);
        }
        return new Encoded(json, arrays.isEmpty() ? null : arrays.bytes());
    }

    static StoredScm decode(String part, ObjectNode json, ProjectArchive archive) throws ProjectFileException {
        BinaryArrays.Reader arrays = new BinaryArrays.Reader(ProjectFormat.SCM_ARRAYS, arraysBytes(part, json,
                archive));
        ModelFingerprint fittedOn = AnalysisJson.fingerprint(PartJson.requiredObject(json, "fittedOn", part),
                part + ": fittedOn");
        FitOptions options = options(PartJson.requiredObject(json, "options", part), part + ": options");
        int rows = PartJson.integer(json, "rows", part);
        ArrayNode list = PartJson.array(json, "nodes", part);
        List<StructuralCausalModel.Node> nodes = new ArrayList<>();
        List<NodeFit> fits = new ArrayList<>();
        Map<String, Scale> scales = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String at = part + ": node " + (i + 1);
            ObjectNode item = PartJson.element(list, i, at);
            String name = PartJson.text(item, "name", at);
            at += " ('" + name + "')";
            Scale scale = scale(PartJson.requiredObject(item, "scale", at), at + ": scale");
            List<String> parents = PartJson.texts(item, "parents", at);
            List<Scale> parentScales = new ArrayList<>();
            for (String parent : parents) {
                Scale parentScale = scales.get(parent);
                if (parentScale == null) {
                    throw new ProjectFileException(at + " reads '" + parent + "', which is not a node listed before it");
                }
                parentScales.add(parentScale);
            }
            Features features;
            try {
                features = Features.of(parents, parentScales);
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException(at + ": " + e.getMessage(), e);
            }
            Mechanism mechanism = mechanism(item, scale, features, arrays, at);
            if (scales.put(name, scale) != null) {
                throw new ProjectFileException(at + " repeats the name of an earlier node");
            }
            nodes.add(new StructuralCausalModel.Node(name, scale, mechanism));
            fits.add(NodeFitJson.fromJson(PartJson.requiredObject(item, "fit", at), name, scale, at + ": fit"));
        }
        List<Confounding> confounding = new ArrayList<>();
        ArrayNode confoundingList = PartJson.array(json, "confounding", part);
        for (int i = 0; i < confoundingList.size(); i++) {
            String at = part + ": confounding " + (i + 1);
            ObjectNode item = PartJson.element(confoundingList, i, at);
            List<String> affected = PartJson.texts(item, "affected", at);
            for (String node : affected) {
                if (!scales.containsKey(node)) {
                    throw new ProjectFileException(at + " names '" + node + "', which is not a node of the model");
                }
            }
            confounding.add(new Confounding(PartJson.text(item, "latent", at), affected));
        }
        try {
            return new StoredScm(new FittedScm(new StructuralCausalModel(nodes, confounding), fits, options, rows),
                    fittedOn);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(part + ": " + e.getMessage(), e);
        }
    }

    private static byte[] arraysBytes(String part, ObjectNode json, ProjectArchive archive)
            throws ProjectFileException {
        JsonNode entry = json.get("arrays");
        if (entry == null || entry.isNull()) {
            return new byte[0];
        }
        String name = PartJson.text(json, "arrays", part);
        if (!name.equals(ProjectFormat.SCM_ARRAYS)) {
            throw new ProjectFileException(part + ": \"arrays\" must be " + ProjectFormat.SCM_ARRAYS + ", not "
                    + EntryName.quote(name));
        }
        if (!archive.contains(name)) {
            throw new ProjectFileException(part + ": names " + name + ", which the file does not have");
        }
        return archive.read(name, MAX_ARRAYS_BYTES);
    }

    private static Mechanism mechanism(ObjectNode item, Scale scale, Features features, BinaryArrays.Reader arrays,
            String at) throws ProjectFileException {
        String kind = PartJson.text(item, "mechanism", at);
        ModelParameters parameters = parameters(PartJson.requiredObject(item, "model", at), arrays, at + ": model");
        try {
            switch (kind) {
                case ADDITIVE -> {
                    if (!scale.isNumeric()) {
                        throw new ProjectFileException(at + ": an additive-noise mechanism needs a numeric node");
                    }
                    return new AdditiveNoiseMechanism(parameters.regressor(features),
                            noise(PartJson.requiredObject(item, "noise", at), arrays, at + ": noise"));
                }
                case DISCRETE -> {
                    if (scale.isNumeric()) {
                        throw new ProjectFileException(at + ": a discrete mechanism needs a binary or categorical node");
                    }
                    return new DiscreteMechanism(parameters.classifier(features, scale.levelCount()));
                }
                default -> throw new ProjectFileException(at + ": unknown mechanism '" + kind + "' (expected "
                        + ADDITIVE + " or " + DISCRETE + ")");
            }
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(at + ": model '" + parameters.kind() + "': " + e.getMessage(), e);
        }
    }

    private static ObjectNode parameters(ModelParameters parameters, BinaryArrays.Writer arrays) {
        ObjectNode json = PartJson.object();
        json.put("kind", parameters.kind());
        ObjectNode numbers = json.putObject("numbers");
        parameters.numbers().forEach((name, value) -> PartJson.putNumber(numbers, name, value));
        ObjectNode reals = json.putObject("reals");
        parameters.reals().forEach((name, values) -> reals.set(name, arrays.reals(values)));
        ObjectNode integers = json.putObject("integers");
        parameters.integers().forEach((name, values) -> integers.set(name, arrays.integers(values)));
        return json;
    }

    private static ModelParameters parameters(ObjectNode json, BinaryArrays.Reader arrays, String where)
            throws ProjectFileException {
        String kind = PartJson.text(json, "kind", where);
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : section(json, "numbers", where).properties()) {
            numbers.put(e.getKey(), PartJson.numberOrNaN(json.get("numbers"), e.getKey(), where + ": numbers"));
        }
        Map<String, double[]> reals = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : section(json, "reals", where).properties()) {
            reals.put(e.getKey(), arrays.reals(e.getValue(), where + ": reals: " + e.getKey()));
        }
        Map<String, int[]> integers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : section(json, "integers", where).properties()) {
            integers.put(e.getKey(), arrays.integers(e.getValue(), where + ": integers: " + e.getKey()));
        }
        return new ModelParameters(kind, numbers, reals, integers);
    }

    private static ObjectNode section(ObjectNode json, String field, String where) throws ProjectFileException {
        ObjectNode section = PartJson.optionalObject(json, field, where);
        return section == null ? PartJson.object() : section;
    }

    private static ObjectNode noise(NoiseDistribution noise, BinaryArrays.Writer arrays) {
        ObjectNode json = PartJson.object();
        switch (noise) {
            case NoiseDistribution.Empirical empirical -> {
                json.put("kind", "empirical");
                json.set("residuals", arrays.reals(empirical.residuals()));
            }
            case NoiseDistribution.Gaussian gaussian -> {
                json.put("kind", "gaussian");
                json.put("standardDeviation", gaussian.standardDeviation());
            }
        }
        return json;
    }

    private static NoiseDistribution noise(ObjectNode json, BinaryArrays.Reader arrays, String where)
            throws ProjectFileException {
        String kind = PartJson.text(json, "kind", where);
        try {
            return switch (kind) {
                case "empirical" -> {
                    double[] residuals = arrays.reals(json.get("residuals"), where + ": residuals");
                    for (int i = 0; i < residuals.length; i++) {
                        if (!Double.isFinite(residuals[i])) {
                            throw new ProjectFileException(where + ": residual " + (i + 1) + " is " + residuals[i]
                                    + ", not a finite number");
                        }
                    }
                    yield new NoiseDistribution.Empirical(residuals);
                }
                case "gaussian" -> new NoiseDistribution.Gaussian(PartJson.number(json, "standardDeviation", where));
                default -> throw new ProjectFileException(where + ": unknown noise '" + kind
                        + "' (expected empirical or gaussian)");
            };
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode scale(Scale scale) {
        ObjectNode json = PartJson.object();
        json.put("kind", scale.kind().name().toLowerCase(Locale.ROOT));
        ArrayNode levels = json.putArray("levels");
        scale.levels().forEach(levels::add);
        return json;
    }

    static Scale scale(ObjectNode json, String where) throws ProjectFileException {
        String kind = PartJson.text(json, "kind", where);
        List<String> levels = PartJson.texts(json, "levels", where);
        for (Scale.Kind k : Scale.Kind.values()) {
            if (k.name().toLowerCase(Locale.ROOT).equals(kind)) {
                try {
                    return new Scale(k, levels);
                } catch (IllegalArgumentException e) {
                    throw new ProjectFileException(where + ": " + e.getMessage(), e);
                }
            }
        }
        throw new ProjectFileException(where + ": unknown scale '" + kind + "' (expected numeric, binary or"
                + " categorical)");
    }

    /** The fit options, per-node choices sorted by node so that equal options give equal bytes. */
    static ObjectNode options(FitOptions options) {
        ObjectNode json = PartJson.object();
        json.put("choice", options.choice().id());
        ObjectNode perNode = json.putObject("perNode");
        new TreeMap<>(options.perNode()).forEach((node, choice) -> perNode.put(node, choice.id()));
        json.put("noise", options.noise().name().toLowerCase(Locale.ROOT));
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
                perNode.put(entry.getKey(), NodeFitJson.choice(PartJson.text(perNodeJson, entry.getKey(), where + ": perNode"),
                        where));
            }
        }
        ObjectNode b = PartJson.requiredObject(json, "boosting", where);
        String at = where + ": boosting";
        try {
            BoostedTrees.Settings boosting = new BoostedTrees.Settings(PartJson.integer(b, "trees", at),
                    PartJson.integer(b, "maxDepth", at), PartJson.integer(b, "maxNodes", at),
                    PartJson.integer(b, "nodeSize", at), PartJson.number(b, "shrinkage", at),
                    PartJson.integer(b, "maxRows", at));
            return new FitOptions(NodeFitJson.choice(PartJson.text(json, "choice", where), where), perNode,
                    noise(PartJson.text(json, "noise", where), where), PartJson.integer(json, "folds", where),
                    PartJson.integer(json, "selectionRows", where), boosting, PartJson.longInteger(json, "seed", where));
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static FitOptions.NoiseKind noise(String id, String where) throws ProjectFileException {
        for (FitOptions.NoiseKind kind : FitOptions.NoiseKind.values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(id)) {
                return kind;
            }
        }
        throw new ProjectFileException(where + ": unknown noise '" + id + "' (expected empirical or gaussian)");
    }
}
