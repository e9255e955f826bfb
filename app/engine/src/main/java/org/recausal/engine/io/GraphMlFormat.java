package org.recausal.engine.io;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.recausal.engine.dag.Dag;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * GraphML through JGraphT, with {@code role}, {@code type}, {@code description}, {@code x} and {@code y}
 * node attributes and a {@code note} edge attribute. GraphML never needs a DTD, and JGraphT's parser
 * would resolve external entities, so every file is first read by a parser that refuses any
 * {@code <!DOCTYPE>}: a file that tries to pull in a local file or a URL is rejected before JGraphT sees it.
 */
public final class GraphMlFormat implements GraphImporter, GraphExporter {

    @Override
    public ImportResult read(String text) {
        refuseDoctype(text);
        AttributeGraph imported = new AttributeGraph();
        GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        imported.listen(importer);
        try {
            importer.importGraph(imported.graph(), new StringReader(text));
        } catch (ImportException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SAXParseException sax) {
                    throw new GraphParseException(sax.getLineNumber(), sax.getColumnNumber(),
                            "not valid GraphML: " + sax.getMessage(), e);
                }
            }
            throw new GraphParseException(0, 0, "not valid GraphML: " + e.getMessage(), e);
        }
        TextLocator locator = new TextLocator(text);
        return imported.toDag(
                id -> locator.find("<node\\b[^>]*\\bid\\s*=\\s*[\"']" + Pattern.quote(id) + "[\"']"),
                (from, to) -> locator.find("<edge\\b[^>]*\\bsource\\s*=\\s*[\"']" + Pattern.quote(from)
                        + "[\"'][^>]*\\btarget\\s*=\\s*[\"']" + Pattern.quote(to) + "[\"']"));
    }

    /** Parses with DTDs and external entities switched off; any DOCTYPE is an error at its line. */
    private static void refuseDoctype(String text) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.newSAXParser().parse(new InputSource(new StringReader(text)), new DefaultHandler());
        } catch (SAXParseException e) {
            throw new GraphParseException(e.getLineNumber(), e.getColumnNumber(), "not accepted as GraphML: "
                    + e.getMessage() + " (declarations such as <!DOCTYPE> and entities are refused for safety)", e);
        } catch (SAXException | ParserConfigurationException | java.io.IOException e) {
            throw new GraphParseException(0, 0, "not accepted as GraphML: " + e.getMessage(), e);
        }
    }

    @Override
    public String write(Dag dag) {
        boolean laidOut = DagittyCoordinates.isLaidOut(dag);
        GraphMLExporter<String, org.recausal.engine.dag.CausalEdge> exporter = new GraphMLExporter<>(name -> name);
        for (String key : new String[] {"role", "type", "description"}) {
            exporter.registerAttribute(key, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
        }
        exporter.registerAttribute("x", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("y", GraphMLExporter.AttributeCategory.NODE, AttributeType.DOUBLE);
        exporter.registerAttribute("note", GraphMLExporter.AttributeCategory.EDGE, AttributeType.STRING);
        exporter.setVertexAttributeProvider(name -> AttributeGraph.attributes(dag.require(name), laidOut));
        exporter.setEdgeAttributeProvider(AttributeGraph::attributes);
        StringWriter out = new StringWriter();
        exporter.exportGraph(dag.graph(), out);
        return out.toString();
    }
}
