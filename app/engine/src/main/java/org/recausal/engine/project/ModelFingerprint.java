package org.recausal.engine.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.scm.FitOptions;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a structural causal model was fitted on, so that a saved model is reused until the graph or the data change:
 * three SHA-256 digests (lower-case hex), of
 * <ul>
 * <li>the graph's structure: each variable's name, type and whether it is latent, and the edges (not other roles,
 * positions, descriptions or notes, which do not change a fit);</li>
 * <li>the data: each dataset's id, SHA-256, import options, column-to-node mapping and join, in project order;</li>
 * <li>the fit options ({@link FitOptions}), seed included.</li>
 * </ul>
 */
public record ModelFingerprint(String graph, String data, String options) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ModelFingerprint {
        for (String digest : new String[] {graph, data, options}) {
            if (digest == null || !HEX64.matcher(digest).matches()) {
                throw new IllegalArgumentException("a fingerprint digest is 64 lower-case hex digits, not " + digest);
            }
        }
    }

    /** The fingerprint a model fitted now, to this project with these options, would have. */
    public static ModelFingerprint of(Project project, FitOptions options) {
        return new ModelFingerprint(sha256(graphText(project.dag())), sha256(dataText(project.datasets())),
                sha256(new String(PartJson.write(ScmJson.options(options)), StandardCharsets.UTF_8)));
    }

    /** What changed from this fingerprint to {@code now}, in words ("the graph", "the data", "the fit options"). */
    public List<String> differences(ModelFingerprint now) {
        List<String> changed = new ArrayList<>();
        if (!graph.equals(now.graph)) {
            changed.add("the graph");
        }
        if (!data.equals(now.data)) {
            changed.add("the data");
        }
        if (!options.equals(now.options)) {
            changed.add("the fit options");
        }
        return changed;
    }

    /** Canonical JSON: variables sorted by name, edges by source then target name, whatever the graph's order. */
    private static String graphText(Dag dag) {
        ArrayNode variables = JsonNodeFactory.instance.arrayNode();
        dag.variables().stream().sorted(Comparator.comparing(Variable::name)).forEach(v -> variables.addObject()
                .put("name", v.name()).put("latent", v.role() == Role.LATENT).put("type", v.type().id()));
        ArrayNode edges = JsonNodeFactory.instance.arrayNode();
        dag.edges().stream().sorted(Comparator.comparing(CausalEdge::from).thenComparing(CausalEdge::to))
                .forEach(e -> edges.addObject().put("from", e.from()).put("to", e.to()));
        ObjectNode json = PartJson.object();
        json.set("variables", variables);
        json.set("edges", edges);
        return new String(PartJson.write(json), StandardCharsets.UTF_8);
    }

    /** Canonical JSON of what decides the rows a fit sees, dataset by dataset in project order. */
    private static String dataText(List<Dataset> datasets) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (Dataset dataset : datasets) {
            ObjectNode item = list.addObject();
            item.put("id", dataset.id());
            item.put("sha256", dataset.source().fingerprint().sha256());
            item.set("import", DatasetJson.options(dataset.options()));
            ObjectNode links = item.putObject("links");
            dataset.mapping().links().forEach(links::put);
            ArrayNode excluded = item.putArray("excluded");
            dataset.mapping().excluded().forEach(excluded::add);
            DatasetJoin join = dataset.join();
            if (join != null) {
                item.putObject("join").put("dataset", join.dataset()).put("datasetKey", join.datasetKey())
                        .put("key", join.key());
            }
        }
        return new String(PartJson.write(list), StandardCharsets.UTF_8);
    }

    static String sha256(String text) {
        MessageDigest digest = FileFingerprint.newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return FileFingerprint.hex(digest);
    }
}
