package org.recausal.engine.io;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.dot.DOTImporter;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;

/**
 * Graphviz DOT through JGraphT: a {@code digraph} whose nodes carry {@code role}, {@code type},
 * {@code description}, {@code x} and {@code y} attributes and whose edges carry {@code note}. Graphviz
 * ignores attributes it does not know, and drawing attributes in files from elsewhere are ignored here.
 */
public final class DotFormat implements GraphImporter, GraphExporter {
    /** ANTLR's "line L:C message", C counted from 0. */
    private static final Pattern ANTLR_POSITION = Pattern.compile("line (\\d+):(\\d+) (.*)", Pattern.DOTALL);

    @Override
    public ImportResult read(String text) {
        if (!text.strip().matches("(?is)(strict\\s+)?digraph\\b.*")) {
            throw new TextLocator(text).find("\\S").error("a causal graph in DOT is a 'digraph { ... }'");
        }
        AttributeGraph imported = new AttributeGraph();
        DOTImporter<String, DefaultEdge> importer = new DOTImporter<>();
        importer.setVertexFactory(id -> id);
        imported.listen(importer);
        try {
            importer.importGraph(imported.graph(), new StringReader(text));
        } catch (ImportException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                Matcher m = ANTLR_POSITION.matcher(String.valueOf(cause.getMessage()));
                if (m.find()) {
                    throw new GraphParseException(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) + 1,
                            "not valid DOT: " + m.group(3), e);
                }
            }
            throw new GraphParseException(0, 0, "not valid DOT: " + e.getMessage(), e);
        }
        TextLocator locator = new TextLocator(text);
        return imported.toDag(
                id -> locator.find("(?<![\\w\"])\"?" + Pattern.quote(id) + "\"?(?![\\w\"])"),
                (from, to) -> locator.find("\"?" + Pattern.quote(from) + "\"?\\s*->\\s*\"?" + Pattern.quote(to)));
    }

    @Override
    public String write(Dag dag) {
        boolean laidOut = DagittyCoordinates.isLaidOut(dag);
        DOTExporter<String, CausalEdge> exporter = new DOTExporter<>(DotFormat::id);
        exporter.setVertexAttributeProvider(name -> AttributeGraph.attributes(dag.require(name), laidOut));
        exporter.setEdgeAttributeProvider(AttributeGraph::attributes);
        StringWriter out = new StringWriter();
        exporter.exportGraph(dag.graph(), out);
        return out.toString();
    }

    /** DOT ids are letters, digits and '_' not starting with a digit; other names (with '.', say) are quoted. */
    private static String id(String name) {
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : "\"" + name + "\"";
    }
}
