package org.recausal.engine.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The graph formats Recausal reads and writes, found by file extension or, for pasted text, by looking
 * at the text. BIF is read only through this registry: writing it needs probability tables, which
 * {@link BifFormat#write(org.recausal.engine.bn.DiscreteBayesNet)} takes.
 */
public enum GraphFormat {
    DAGITTY("DAGitty", List.of("dagitty"), new DagittyFormat()),
    DAGITTY_LEGACY("DAGitty (old text form)", List.of(), new DagittyLegacyFormat()),
    GRAPHML("GraphML", List.of("graphml"), new GraphMlFormat()),
    DOT("Graphviz DOT", List.of("dot", "gv"), new DotFormat()),
    GML("GML (networkx, DoWhy)", List.of("gml"), new GmlFormat()),
    TETRAD("Tetrad graph", List.of("tetrad"), new TetradFormat()),
    BIF("BIF Bayesian network", List.of("bif"), new BifFormat()),
    JSON("Recausal JSON graph", List.of("json"), new JsonFormat());

    private static final Pattern LEADING_COMMENTS = Pattern.compile("\\A(\\s+|//[^\\n]*|#[^\\n]*|/\\*.*?\\*/)*",
            Pattern.DOTALL);
    private static final Pattern DAGITTY_HEADER = Pattern.compile("(?is)(dag|pdag|mag|pag|graph)\\s*([\\w.]+\\s*)?\\{.*");
    private static final Pattern DOT_HEADER = Pattern.compile("(?is)(strict\\s+)?digraph\\b.*");
    private static final Pattern GML_GRAPH = Pattern.compile("(?m)^\\s*graph\\s*\\[");
    private static final Pattern BIF_START = Pattern.compile("(?s)(network|variable|probability)\\b.*");
    private static final Pattern ARROW = Pattern.compile("<->|->|<-");
    private static final Pattern LEGACY_POSITION = Pattern.compile("@-?[0-9.]+,-?[0-9.]+");

    private final String label;
    private final List<String> extensions;
    private final GraphImporter importer;

    GraphFormat(String label, List<String> extensions, GraphImporter importer) {
        this.label = label;
        this.extensions = extensions;
        this.importer = importer;
    }

    public String label() {
        return label;
    }

    /** File extensions without the dot, lower case; empty for a format known only by its content. */
    public List<String> extensions() {
        return extensions;
    }

    public GraphImporter importer() {
        return importer;
    }

    /** The writer, absent for BIF (see the class comment). */
    public Optional<GraphExporter> exporter() {
        return importer instanceof GraphExporter exporter ? Optional.of(exporter) : Optional.empty();
    }

    public ImportResult read(String text) {
        return importer.read(text);
    }

    /** The format a file name's extension stands for. */
    public static Optional<GraphFormat> forFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (GraphFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Guesses the format of a text, e.g. one pasted onto the canvas; empty when it looks like none. */
    public static Optional<GraphFormat> sniff(String text) {
        String start = LEADING_COMMENTS.matcher(text).replaceFirst("");
        if (start.isEmpty()) {
            return Optional.empty();
        }
        if (start.startsWith("<")) {
            return start.contains("<graphml") ? Optional.of(GRAPHML) : Optional.empty();
        }
        if (start.startsWith("{")) {
            return Optional.of(JSON);
        }
        if (start.startsWith("Graph Nodes:")) {
            return Optional.of(TETRAD);
        }
        if (DOT_HEADER.matcher(start).matches()) {
            return Optional.of(DOT);
        }
        if (GML_GRAPH.matcher(start).find()) {
            return Optional.of(GML);
        }
        if (DAGITTY_HEADER.matcher(start).matches()) {
            return Optional.of(DAGITTY);
        }
        if (BIF_START.matcher(start).matches()) {
            return Optional.of(BIF);
        }
        if (ARROW.matcher(start).find()) {
            return Optional.of(DAGITTY);
        }
        if (LEGACY_POSITION.matcher(start).find() || start.matches("(?s)[^{}\\[\\]<>;=\"]+")) {
            return Optional.of(DAGITTY_LEGACY);
        }
        return Optional.empty();
    }

    /** The extension's format when the name has a known one, else the sniffed format of the text. */
    public static Optional<GraphFormat> detect(String fileName, String text) {
        return forFileName(fileName).or(() -> sniff(text));
    }

    @Override
    public String toString() {
        return label;
    }
}
