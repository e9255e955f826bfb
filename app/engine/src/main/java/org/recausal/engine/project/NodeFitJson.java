package org.recausal.engine.project;

import java.util.List;

import org.recausal.engine.model.Scale;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.NodeFit;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The report of one node's fit (parents in the graph, family chosen, cross-validation scores, quality, warnings)
 * inside the model part. The node's name and scale are the node's own, so they are not repeated.
 */
final class NodeFitJson {

    private NodeFitJson() {
    }

    static ObjectNode toJson(NodeFit fit) {
        ObjectNode json = PartJson.object();
        if (fit.family() == null) {
            json.putNull("family");
        } else {
            json.put("family", fit.family().id());
        }
        ArrayNode parents = json.putArray("parents");
        fit.parents().forEach(parents::add);
        json.put("mechanism", fit.mechanism());
        json.put("rows", fit.rows());
        ObjectNode quality = json.putObject("quality");
        switch (fit.quality()) {
            case NodeFit.NumericQuality q -> {
                quality.put("kind", "numeric");
                PartJson.putNumber(quality, "rSquared", q.rSquared());
                PartJson.putNumber(quality, "rmse", q.rmse());
                NodeFit.ResidualSummary r = q.residuals();
                ObjectNode residuals = quality.putObject("residuals");
                double[] values = {r.min(), r.q05(), r.q25(), r.median(), r.q75(), r.q95(), r.max()};
                for (int i = 0; i < values.length; i++) {
                    PartJson.putNumber(residuals, SUMMARY[i], values[i]);
                }
                ArrayNode bins = quality.putArray("bins");
                for (NodeFit.ResidualBin bin : q.bins()) {
                    ObjectNode item = bins.addObject();
                    PartJson.putNumber(item, "fittedFrom", bin.fittedFrom());
                    PartJson.putNumber(item, "fittedTo", bin.fittedTo());
                    item.put("count", bin.count());
                    PartJson.putNumber(item, "meanResidual", bin.meanResidual());
                    PartJson.putNumber(item, "residualSd", bin.residualSd());
                }
            }
            case NodeFit.DiscreteQuality q -> {
                quality.put("kind", "discrete");
                PartJson.putNumber(quality, "logLoss", q.logLoss());
                PartJson.putNumber(quality, "baselineLogLoss", q.baselineLogLoss());
                PartJson.putNumber(quality, "accuracy", q.accuracy());
                PartJson.putNumber(quality, "auc", q.auc());
            }
        }
        ArrayNode candidates = json.putArray("candidates");
        for (NodeFit.CandidateScore c : fit.candidates()) {
            ObjectNode item = candidates.addObject();
            item.put("family", c.family().id());
            PartJson.putNumber(item, "loss", c.loss());
            PartJson.putNumber(item, "standardError", c.standardError());
            item.put("chosen", c.chosen());
        }
        ArrayNode warnings = json.putArray("warnings");
        fit.warnings().forEach(warnings::add);
        return json;
    }

    private static final String[] SUMMARY = {"min", "q05", "q25", "median", "q75", "q95", "max"};

    static NodeFit fromJson(ObjectNode json, String node, Scale scale, String where)
            throws ProjectFileException {
        ModelChoice family = json.get("family") == null || json.get("family").isNull() ? null
                : choice(PartJson.text(json, "family", where), where);
        ObjectNode q = PartJson.requiredObject(json, "quality", where);
        String at = where + ": quality";
        NodeFit.Quality quality = switch (PartJson.text(q, "kind", at)) {
            case "numeric" -> {
                ObjectNode r = PartJson.requiredObject(q, "residuals", at);
                double[] v = new double[SUMMARY.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = PartJson.numberOrNaN(r, SUMMARY[i], at + ": residuals");
                }
                List<NodeFit.ResidualBin> bins = PartJson.objects(q, "bins", at, "bin",
                        (bin, b) -> new NodeFit.ResidualBin(PartJson.numberOrNaN(bin, "fittedFrom", b),
                                PartJson.numberOrNaN(bin, "fittedTo", b), PartJson.integer(bin, "count", b),
                                PartJson.numberOrNaN(bin, "meanResidual", b), PartJson.numberOrNaN(bin, "residualSd", b)));
                yield new NodeFit.NumericQuality(PartJson.numberOrNaN(q, "rSquared", at),
                        PartJson.numberOrNaN(q, "rmse", at),
                        new NodeFit.ResidualSummary(v[0], v[1], v[2], v[3], v[4], v[5], v[6]), bins);
            }
            case "discrete" -> new NodeFit.DiscreteQuality(PartJson.numberOrNaN(q, "logLoss", at),
                    PartJson.numberOrNaN(q, "baselineLogLoss", at), PartJson.numberOrNaN(q, "accuracy", at),
                    PartJson.numberOrNaN(q, "auc", at));
            default -> throw new ProjectFileException(at + ": unknown kind '" + q.get("kind").asString()
                    + "' (expected numeric or discrete)");
        };
        List<NodeFit.CandidateScore> candidates = PartJson.objects(json, "candidates", where, "candidate",
                (item, c) -> new NodeFit.CandidateScore(choice(PartJson.text(item, "family", c), c),
                        PartJson.numberOrNaN(item, "loss", c), PartJson.numberOrNaN(item, "standardError", c),
                        PartJson.bool(item, "chosen", c)));
        return new NodeFit(node, scale, PartJson.texts(json, "parents", where), family, PartJson.text(json, "mechanism", where),
                PartJson.integer(json, "rows", where), quality, candidates, PartJson.texts(json, "warnings", where));
    }

    static ModelChoice choice(String id, String where) throws ProjectFileException {
        try {
            return ModelChoice.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }
}
