package org.recausal.engine.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * DAGitty's graph syntax ({@code dag { x [exposure, pos="1,2"] x -> y <- z; a -> {x y} }}), as dagitty.net
 * and the R package write it: statements separated by space, newline or ';', chains, groups in braces,
 * {@code ->}, {@code <-} and {@code <->} edges, node options (exposure, outcome, latent, adjusted, selected
 * and their one-letter forms, pos, label), a {@code bb} bounding box and comments. The header may be left
 * out. Recausal's own type, description and note travel as extra options, which DAGitty keeps.
 */
public final class DagittyFormat implements GraphImporter, GraphExporter {
    private static final Pattern HEADER =
            Pattern.compile("(?i)(strict\\s+)?(dag|digraph|graph|pdag|mag|pag)\\b\\s*([\\w.]+\\s*)?\\{");
    private static final Pattern BAREWORD = Pattern.compile("-?[\\p{L}\\p{N}_.]+");
    private static final Pattern NUMBERS = Pattern.compile("\\s*(-?[0-9.]+(?:[eE]-?\\d+)?)\\s*");
    private static final List<String> EDGES = List.of("@->", "<-@", "<->", "->", "--@", "--", "<-", "@-@", "@--");

    @Override
    public ImportResult read(String text) {
        return new Parser(text).parse();
    }

    // ---------------------------------------------------------------- reading

    private static final class Parser {
        private final TextScanner in;
        private final DagAssembler dag = new DagAssembler();
        private final Map<String, double[]> positions = new LinkedHashMap<>();
        private final Set<String> ignoredOptions = new HashSet<>();
        private double[] boundingBox;

        Parser(String text) {
            in = new TextScanner(text, TextScanner.Comments.SLASH_AND_HASH);
        }

        ImportResult parse() {
            in.skipSpace();
            Matcher header = in.match(HEADER);
            if (header != null) {
                TextPosition start = in.position();
                while (!in.accept("{")) {
                    in.advance();
                }
                statements(start);
            } else {
                statements(null);
            }
            in.skipSpace();
            if (!in.atEnd()) {
                throw in.error("unexpected " + in.describeNext() + " after the end of the graph");
            }
            applyPositions();
            return dag.result();
        }

        /** Statements up to the closing brace of the block opened at {@code open} (or the end when null). */
        private List<String> statements(TextPosition open) {
            Set<String> mentioned = new LinkedHashSet<>();
            while (true) {
                skipSeparators();
                if (in.atEnd()) {
                    if (open != null) {
                        throw open.error("this '{' is never closed with '}'");
                    }
                    return List.copyOf(mentioned);
                }
                if (in.accept("}")) {
                    if (open == null) {
                        throw new TextPosition(in.position().line(), in.position().column() - 1)
                                .error("'}' without a matching '{'");
                    }
                    return List.copyOf(mentioned);
                }
                mentioned.addAll(statement());
            }
        }

        private void skipSeparators() {
            do {
                in.skipSpace();
            } while (in.accept(";"));
        }

        private List<String> statement() {
            TextPosition at = in.position();
            if (!in.lookingAt("{")) {
                String id = id("a variable name");
                in.skipSpace();
                if (in.accept("=")) {
                    in.skipSpace();
                    graphOption(id, id("a value"), at);
                    return List.of();
                }
                String name = dag.declareOrFind(id, at);
                return edgesOrOptions(List.of(name), at);
            }
            in.accept("{");
            return edgesOrOptions(statements(at), at);
        }

        private List<String> edgesOrOptions(List<String> first, TextPosition at) {
            Set<String> mentioned = new LinkedHashSet<>(first);
            in.skipSpace();
            if (EDGES.stream().noneMatch(in::lookingAt)) {
                if (in.lookingAt("[")) {
                    if (first.size() != 1) {
                        throw in.error("options in [...] belong to a single variable, not to a group");
                    }
                    nodeOptions(first.get(0));
                }
                return List.copyOf(mentioned);
            }
            record Link(List<String> left, String arrow, List<String> right, TextPosition at) {
            }
            List<Link> links = new ArrayList<>();
            List<String> left = first;
            while (true) {
                in.skipSpace();
                TextPosition arrowAt = in.position();
                String arrow = EDGES.stream().filter(in::accept).findFirst().orElse(null);
                if (arrow == null) {
                    break;
                }
                in.skipSpace();
                List<String> right;
                TextPosition operandAt = in.position();
                if (in.accept("{")) {
                    right = statements(operandAt);
                } else {
                    right = List.of(dag.declareOrFind(id("a variable name after '" + arrow + "'"), operandAt));
                }
                links.add(new Link(left, arrow, right, arrowAt));
                mentioned.addAll(right);
                left = right;
            }
            String note = in.lookingAt("[") ? edgeOptions() : "";
            for (Link link : links) {
                for (String a : link.left()) {
                    for (String b : link.right()) {
                        edge(a, link.arrow(), b, note, link.at());
                    }
                }
            }
            return List.copyOf(mentioned);
        }

        private void edge(String a, String arrow, String b, String note, TextPosition at) {
            switch (arrow) {
                case "->" -> dag.addEdge(a, b, note, at);
                case "<-" -> dag.addEdge(b, a, note, at);
                case "<->" -> dag.addBidirected(a, b, at);
                default -> throw at.error("the edge " + a + " " + arrow + " " + b + " has no single causal direction"
                        + " and cannot be part of a DAG; write " + a + " -> " + b + ", " + a + " <- " + b
                        + ", or " + a + " <-> " + b + " for an unmeasured common cause");
            }
        }

        private void graphOption(String key, String value, TextPosition at) {
            if (key.equalsIgnoreCase("bb")) {
                boundingBox = numbers(value, 4, "bb", at);
            } else {
                dag.warn("The graph option '" + key + "' on line " + at.line() + " was ignored.");
            }
        }

        private void nodeOptions(String name) {
            for (Map.Entry<String, Option> option : options().entrySet()) {
                String key = option.getKey().toLowerCase(Locale.ROOT);
                Option o = option.getValue();
                switch (key) {
                    case "exposure", "e", "source" -> role(name, Role.EXPOSURE, o.at());
                    case "outcome", "o", "target" -> role(name, Role.OUTCOME, o.at());
                    case "latent", "l", "unobserved", "u" -> role(name, Role.LATENT, o.at());
                    case "adjusted", "a" -> role(name, Role.ADJUSTED, o.at());
                    case "selected", "s" -> role(name, Role.SELECTION, o.at());
                    case "pos" -> positions.put(name, numbers(o.value(), 2, "pos", o.at()));
                    case "label", "description" -> dag.update(name, v -> v.withDescription(o.value()));
                    case "type" -> {
                        try {
                            DataType type = DataType.parse(o.value());
                            dag.update(name, v -> v.withType(type));
                        } catch (IllegalArgumentException e) {
                            throw o.at().error(e.getMessage());
                        }
                    }
                    default -> ignored(option.getKey(), o.at());
                }
            }
        }

        private String edgeOptions() {
            String note = "";
            for (Map.Entry<String, Option> option : options().entrySet()) {
                String key = option.getKey().toLowerCase(Locale.ROOT);
                switch (key) {
                    case "note", "label" -> note = option.getValue().value();
                    case "pos" -> {
                        // the bend point of a curved arrow: the canvas draws straight arrows
                    }
                    default -> ignored(option.getKey(), option.getValue().at());
                }
            }
            return note;
        }

        private void ignored(String key, TextPosition at) {
            if (ignoredOptions.add(key)) {
                dag.warn("The option '" + key + "' (first on line " + at.line() + ") is not used by Recausal and was"
                        + " ignored.");
            }
        }

        private void role(String name, Role role, TextPosition at) {
            Role before = dag.variable(name).role();
            if (before != Role.ORDINARY && before != role) {
                dag.warn("'" + name + "' is marked both " + before.id() + " and " + role.id() + " (line " + at.line()
                        + "); a variable has one role in Recausal, so it was imported as " + role.id() + ".");
            }
            dag.update(name, v -> v.withRole(role));
        }

        private record Option(String value, TextPosition at) {
        }

        /** {@code [key, key=value; ...]}, keys in order of appearance. */
        private Map<String, Option> options() {
            in.expect("[");
            Map<String, Option> options = new LinkedHashMap<>();
            while (true) {
                in.skipSpace();
                if (in.accept("]")) {
                    return options;
                }
                TextPosition at = in.position();
                String key = id("an option name or ']'");
                in.skipSpace();
                String value = "";
                if (in.accept("=")) {
                    in.skipSpace();
                    value = id("a value for '" + key + "'");
                }
                options.put(key, new Option(value, at));
                in.skipSpace();
                if (!in.accept(",")) {
                    in.accept(";");
                }
            }
        }

        private String id(String expected) {
            in.skipSpace();
            if (in.peek() == '"') {
                return in.readQuoted();
            }
            Matcher word = in.match(BAREWORD);
            if (word == null) {
                throw in.error("expected " + expected + " but found " + in.describeNext());
            }
            return in.take(word.end() - word.start());
        }

        private static double[] numbers(String value, int count, String option, TextPosition at) {
            String[] parts = value.split(",", -1);
            if (parts.length != count) {
                throw at.error("'" + option + "' needs " + count + " numbers separated by commas, got \"" + value + "\"");
            }
            double[] numbers = new double[count];
            for (int i = 0; i < count; i++) {
                if (!NUMBERS.matcher(parts[i]).matches()) {
                    throw at.error("'" + parts[i].trim() + "' in " + option + "=\"" + value + "\" is not a number");
                }
                numbers[i] = Double.parseDouble(parts[i].trim());
            }
            return numbers;
        }

        private void applyPositions() {
            double extent = boundingBox != null
                    ? Math.max(boundingBox[2] - boundingBox[0], boundingBox[3] - boundingBox[1])
                    : DagittyCoordinates.extent(positions.values());
            double scale = DagittyCoordinates.importScale(extent);
            positions.forEach((name, p) -> dag.place(name, p[0] * scale, p[1] * scale, TextPosition.UNKNOWN));
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public String write(Dag dag) {
        boolean laidOut = DagittyCoordinates.isLaidOut(dag);
        StringBuilder out = new StringBuilder("dag {\n");
        if (laidOut) {
            out.append("bb=\"").append(DagittyCoordinates.boundingBox(dag)).append("\"\n");
        }
        Set<String> connected = new HashSet<>();
        dag.edges().forEach(e -> {
            connected.add(e.from());
            connected.add(e.to());
        });
        for (Variable v : dag.variables()) {
            List<String> options = new ArrayList<>();
            if (v.role() != Role.ORDINARY) {
                options.add(v.role() == Role.SELECTION ? "selected" : v.role().id());
            }
            if (laidOut) {
                options.add("pos=\"" + DagittyCoordinates.position(v) + "\"");
            }
            if (v.type() != DataType.CONTINUOUS) {
                options.add("type=\"" + v.type().id() + "\"");
            }
            if (!v.description().isEmpty()) {
                options.add("description=" + Numbers.quote(v.description()));
            }
            if (!options.isEmpty()) {
                out.append(id(v.name())).append(" [").append(String.join(",", options)).append("]\n");
            } else if (!connected.contains(v.name())) {
                out.append(id(v.name())).append('\n');
            }
        }
        for (CausalEdge e : dag.edges()) {
            out.append(id(e.from())).append(" -> ").append(id(e.to()));
            if (!e.note().isEmpty()) {
                out.append(" [note=").append(Numbers.quote(e.note())).append(']');
            }
            out.append('\n');
        }
        return out.append("}\n").toString();
    }

    /** DAGitty's barewords are ASCII; other names are quoted. */
    private static String id(String name) {
        return name.matches("[0-9a-zA-Z_.]+") ? name : Numbers.quote(name);
    }
}
