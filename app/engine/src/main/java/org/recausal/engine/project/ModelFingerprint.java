package org.recausal.engine.project;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.scm.FitOptions;

/**
 * What a structural causal model was fitted on, so that a saved model is reused until the graph or the data change:
 * three SHA-256 digests (lower-case hex), of
 * <ul>
 * <li>the graph's structure: each variable's name, role and type, and the edges (not positions, descriptions or
 * notes, which do not change a fit);</li>
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

    private static String graphText(Dag dag) {
        StringBuilder text = new StringBuilder();
        dag.variables().stream().map(v -> v.name() + "\t" + v.role().id() + "\t" + v.type().id()).sorted()
                .forEach(line -> text.append("variable\t").append(line).append('\n'));
        dag.edges().stream().map(e -> e.from() + "\t" + e.to()).sorted()
                .forEach(line -> text.append("edge\t").append(line).append('\n'));
        return text.toString();
    }

    private static String dataText(List<Dataset> datasets) {
        StringBuilder text = new StringBuilder();
        for (Dataset dataset : datasets) {
            text.append("dataset\t").append(dataset.id()).append('\t').append(dataset.source().fingerprint().sha256())
                    .append('\n');
            text.append(new String(PartJson.write(DatasetJson.options(dataset.options())), StandardCharsets.UTF_8));
            dataset.mapping().links().forEach((column, node) -> text.append("link\t").append(column).append('\t').append(node)
                    .append('\n'));
            dataset.mapping().excluded().forEach(column -> text.append("excluded\t").append(column).append('\n'));
            DatasetJoin join = dataset.join();
            if (join != null) {
                text.append("join\t").append(join.dataset()).append('\t').append(join.datasetKey()).append('\t')
                        .append(join.key()).append('\n');
            }
        }
        return text.toString();
    }

    static String sha256(String text) {
        MessageDigest digest = FileFingerprint.newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return FileFingerprint.hex(digest);
    }
}
