package org.recausal.engine.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * GML as networkx's {@code write_gml} writes it and DoWhy reads it:
 * {@code graph [ directed 1 node [ id 0 label "x" ] edge [ source 0 target 1 ] ]}. Node ids may be numbers
 * or strings; the label is the variable name (the id when there is none). Recausal adds {@code role},
 * {@code type} and {@code description} to nodes, {@code note} to edges and a yEd-style
 * {@code graphics [ x .. y .. ]} for positions; networkx keeps such attributes. Strings escape
 * {@code "}, {@code &} and non-ASCII characters as {@code &#NN;} as networkx does.
 */
public final class GmlFormat implements GraphImporter, GraphExporter {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|#x[0-9a-fA-F]+|amp|quot|lt|gt|apos);");

    /** One {@code key value} pair; the value is a Double, a String or a List of entries. */
    private record Entry(String key, Object value, TextPosition at) {
    }

    @Override
    public ImportResult read(String text) {
        TextScanner in = new TextScanner(text, TextScanner.Comments.HASH);
        List<Entry> top = entries(in, null);
        Entry graph = top.stream().filter(e -> e.key().equals("graph")).findFirst()
                .orElseThrow(() -> new TextPosition(1, 1).error("a GML file needs a 'graph [ ... ]' list"));
        List<Entry> items = list(graph);
        DagAssembler dag = new DagAssembler();
        Optional<Entry> directed = items.stream().filter(e -> e.key().equals("directed")).findFirst();
        if (directed.isEmpty() || !Double.valueOf(1).equals(directed.get().value())) {
            dag.warn("The GML graph is not marked 'directed 1'; each edge was read as source -> target.");
        }
        Map<String, String> names = new HashMap<>();
        for (Entry node : items) {
            if (node.key().equals("node")) {
                node(node, dag, names);
            }
        }
        for (Entry edge : items) {
            if (edge.key().equals("edge")) {
                List<Entry> fields = list(edge);
                String from = endpoint(edge, fields, "source", names);
                String to = endpoint(edge, fields, "target", names);
                String note = string(fields, "note").or(() -> string(fields, "label")).orElse("");
                dag.addEdge(from, to, note, edge.at());
            }
        }
        return dag.result();
    }

    private static void node(Entry node, DagAssembler dag, Map<String, String> names) {
        List<Entry> fields = list(node);
        Entry id = field(fields, "id").orElseThrow(() -> node.at().error("this node has no 'id'"));
        String key = idText(id.value());
        if (names.containsKey(key)) {
            throw id.at().error("the node id " + key + " is used twice");
        }
        String name = dag.declare(string(fields, "label").orElse(key), id.at());
        names.put(key, name);
        for (Entry f : fields) {
            try {
                switch (f.key()) {
                    case "role" -> dag.update(name, v -> v.withRole(Role.parse(text(f))));
                    case "type" -> dag.update(name, v -> v.withType(DataType.parse(text(f))));
                    case "description" -> dag.update(name, v -> v.withDescription(text(f)));
                    case "graphics" -> {
                        List<Entry> graphics = list(f);
                        Optional<Double> x = number(graphics, "x");
                        Optional<Double> y = number(graphics, "y");
                        if (x.isPresent() && y.isPresent()) {
                            dag.place(name, x.get(), y.get(), f.at());
                        }
                    }
                    default -> {
                        // other attributes (networkx writes whatever the graph carried) have no place in a variable
                    }
                }
            } catch (IllegalArgumentException e) {
                throw f.at().error(e.getMessage());
            }
        }
    }

    private static String endpoint(Entry edge, List<Entry> fields, String end, Map<String, String> names) {
        Entry ref = field(fields, end).orElseThrow(() -> edge.at().error("this edge has no '" + end + "'"));
        String name = names.get(idText(ref.value()));
        if (name == null) {
            throw ref.at().error("the edge's " + end + " " + idText(ref.value()) + " is not the id of any node");
        }
        return name;
    }

    private static String idText(Object value) {
        return value instanceof Double d ? Numbers.format(d) : value.toString();
    }

    private static Optional<Entry> field(List<Entry> entries, String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    private static Optional<String> string(List<Entry> entries, String key) {
        return field(entries, key).map(GmlFormat::text);
    }

    private static Optional<Double> number(List<Entry> entries, String key) {
        return field(entries, key).map(e -> {
            if (e.value() instanceof Double d) {
                return d;
            }
            throw e.at().error("'" + key + "' must be a number");
        });
    }

    private static String text(Entry e) {
        if (e.value() instanceof List) {
            throw e.at().error("'" + e.key() + "' must be a value, not a [ ... ] list");
        }
        return idText(e.value());
    }

    @SuppressWarnings("unchecked")
    private static List<Entry> list(Entry e) {
        if (e.value() instanceof List<?> list) {
            return (List<Entry>) list;
        }
        throw e.at().error("'" + e.key() + "' must be followed by a [ ... ] list");
    }

    /** Key-value pairs up to the ']' closing the list opened at {@code open}, or to the end when null. */
    private static List<Entry> entries(TextScanner in, TextPosition open) {
        List<Entry> entries = new ArrayList<>();
        while (true) {
            in.skipSpace();
            if (in.atEnd()) {
                if (open != null) {
                    throw open.error("this '[' is never closed with ']'");
                }
                return entries;
            }
            if (open != null && in.accept("]")) {
                return entries;
            }
            TextPosition at = in.position();
            Matcher key = in.match(KEY);
            if (key == null) {
                throw in.error("expected a key such as 'node' or 'edge' but found " + in.describeNext());
            }
            String name = in.take(key.end() - key.start());
            in.skipSpace();
            entries.add(new Entry(name, value(in, name), at));
        }
    }

    private static Object value(TextScanner in, String key) {
        TextPosition at = in.position();
        if (in.accept("[")) {
            return entries(in, at);
        }
        if (in.peek() == '"') {
            in.advance();
            String raw = in.readWhile(c -> c != '"');
            if (in.atEnd()) {
                throw at.error("this quoted text is never closed");
            }
            in.advance();
            return unescape(raw);
        }
        Matcher number = in.match(NUMBER);
        if (number == null) {
            throw in.error("expected a number, a \"string\" or a [ list ] after '" + key + "' but found "
                    + in.describeNext());
        }
        return Double.valueOf(in.take(number.end() - number.start()));
    }

    private static String unescape(String raw) {
        Matcher m = ENTITY.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String entity = m.group(1);
            String replacement = switch (entity) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> Character.toString(entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16) : Integer.parseInt(entity.substring(1)));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '&' || c > 126 || c < 32) {
                out.append("&#").append(c).append(';');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    @Override
    public String write(Dag dag) {
        boolean laidOut = DagittyCoordinates.isLaidOut(dag);
        StringBuilder out = new StringBuilder("graph [\n  directed 1\n");
        Map<String, Integer> ids = new HashMap<>();
        for (Variable v : dag.variables()) {
            int id = ids.size();
            ids.put(v.name(), id);
            out.append("  node [\n    id ").append(id).append("\n    label ").append(escape(v.name())).append('\n');
            out.append("    role ").append(escape(v.role().id())).append('\n');
            out.append("    type ").append(escape(v.type().id())).append('\n');
            if (!v.description().isEmpty()) {
                out.append("    description ").append(escape(v.description())).append('\n');
            }
            if (laidOut) {
                out.append("    graphics [\n      x ").append(Numbers.format(v.position().x()))
                        .append("\n      y ").append(Numbers.format(v.position().y())).append("\n    ]\n");
            }
            out.append("  ]\n");
        }
        for (CausalEdge e : dag.edges()) {
            out.append("  edge [\n    source ").append(ids.get(e.from())).append("\n    target ")
                    .append(ids.get(e.to())).append('\n');
            if (!e.note().isEmpty()) {
                out.append("    note ").append(escape(e.note())).append('\n');
            }
            out.append("  ]\n");
        }
        return out.append("]\n").toString();
    }
}
