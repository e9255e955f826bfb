package org.recausal.engine.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recausal.engine.bn.DiscreteBayesNet;
import org.recausal.engine.dag.DataType;

/**
 * The Bayesian network interchange format (BIF) as bnlearn and JavaBayes write it:
 * {@code variable x { type discrete [ 2 ] { yes, no }; }} and
 * {@code probability ( x | a, b ) { (yes, no) 0.1, 0.9; default ...; }} or {@code { table ...; }}.
 * The structure becomes a DAG of categorical variables (binary when they have two states) and the tables a
 * {@link DiscreteBayesNet}. A JavaBayes {@code property "position = (x, y)"} gives canvas positions.
 *
 * <p>A {@code table} for a variable with parents lists the variable's first state for every parent
 * combination, then its second state, and so on, with the last parent changing fastest (the JavaBayes
 * and pgmpy order). Rows written as {@code (states) values} name their combination explicitly.
 */
public final class BifFormat implements GraphImporter {
    private static final Pattern WORD = Pattern.compile("[^\\s{}()\\[\\]|,;\"]+");
    private static final Pattern POSITION =
            Pattern.compile("\\s*position\\s*=\\s*\\(\\s*(-?[0-9.eE+-]+)\\s*,\\s*(-?[0-9.eE+-]+)\\s*\\)\\s*");
    private static final Pattern WORD_TO_WRITE = Pattern.compile("[\\p{L}\\p{N}_.+-]+");

    @Override
    public ImportResult read(String text) {
        return new Parser(text).parse();
    }

    private record Token(String text, boolean quoted, TextPosition at) {
        boolean is(String punctuation) {
            return !quoted && text.equals(punctuation);
        }
    }

    private record Declared(String name, List<String> states, TextPosition at) {
    }

    private record Table(String child, List<String> parents, List<double[]> rows, TextPosition at) {
    }

    private static final class Parser {
        private final TextScanner in;
        private final DagAssembler dag = new DagAssembler();
        private final Map<String, Declared> variables = new LinkedHashMap<>();
        private final Map<String, Table> tables = new LinkedHashMap<>();

        Parser(String text) {
            in = new TextScanner(text, TextScanner.Comments.SLASH);
        }

        ImportResult parse() {
            for (Token keyword = next(); keyword != null; keyword = next()) {
                switch (keyword.quoted() ? "" : keyword.text()) {
                    case "network" -> network();
                    case "variable" -> variable();
                    case "probability" -> probability(keyword.at());
                    default -> throw keyword.at().error("expected 'network', 'variable' or 'probability' but found '"
                            + keyword.text() + "'");
                }
            }
            List<DiscreteBayesNet.Node> nodes = new ArrayList<>();
            for (Declared v : variables.values()) {
                Table table = tables.get(v.name());
                if (table == null) {
                    throw v.at().error("the variable '" + v.name() + "' has no probability block");
                }
                for (String parent : table.parents()) {
                    dag.addEdge(parent, v.name(), "", table.at());
                }
                nodes.add(new DiscreteBayesNet.Node(v.name(), v.states(), table.parents(), table.rows()));
            }
            try {
                return dag.result(Optional.of(new DiscreteBayesNet(nodes)));
            } catch (IllegalArgumentException e) {
                throw new GraphParseException(0, 0, e.getMessage(), e);
            }
        }

        private void network() {
            Token name = next();
            if (name != null && !name.is("{")) {
                name = next();
            }
            expect(name, "{");
            properties(next());
        }

        private void variable() {
            Token nameToken = word("a variable name");
            String name = dag.declare(nameToken.text(), nameToken.at());
            expect(next(), "{");
            List<String> states = null;
            for (Token t = next(); !isClose(t); t = next()) {
                if (t.is("type")) {
                    Token kind = word("'discrete'");
                    if (!kind.text().equals("discrete")) {
                        throw kind.at().error("only discrete variables are supported, '" + name + "' is '"
                                + kind.text() + "'");
                    }
                    expect(next(), "[");
                    Token count = word("the number of states");
                    expect(next(), "]");
                    expect(next(), "{");
                    states = new ArrayList<>();
                    for (Token s = next(); !isClose(s); s = next()) {
                        if (!s.is(",")) {
                            states.add(s.text());
                        }
                    }
                    if (!count.text().equals(Integer.toString(states.size()))) {
                        throw count.at().error("'" + name + "' says it has " + count.text() + " states but lists "
                                + states.size() + ": " + states);
                    }
                    expect(next(), ";");
                } else if (t.is("property")) {
                    property(name);
                } else {
                    throw t.at().error("expected 'type' or 'property' in the variable block but found '" + t.text() + "'");
                }
            }
            if (states == null) {
                throw nameToken.at().error("the variable '" + name + "' has no 'type discrete [n] { ... };' line");
            }
            List<String> finalStates = states;
            dag.update(name, v -> v.withType(finalStates.size() == 2 ? DataType.BINARY : DataType.CATEGORICAL));
            variables.put(name, new Declared(name, states, nameToken.at()));
        }

        private void probability(TextPosition at) {
            expect(next(), "(");
            Token childToken = word("a variable name");
            String child = known(childToken);
            if (tables.containsKey(child)) {
                throw childToken.at().error("'" + child + "' has a second probability block (first on line "
                        + tables.get(child).at().line() + ")");
            }
            List<String> parents = new ArrayList<>();
            Token t = next();
            if (t != null && t.is("|")) {
                for (t = next(); t != null && !t.is(")"); t = next()) {
                    if (!t.is(",")) {
                        parents.add(known(t));
                    }
                }
            }
            expect(t, ")");
            expect(next(), "{");
            List<String> states = variables.get(child).states();
            int combinations = 1;
            for (String parent : parents) {
                combinations *= variables.get(parent).states().size();
            }
            double[][] rows = new double[combinations][];
            double[] defaultRow = null;
            for (Token entry = next(); !isClose(entry); entry = next()) {
                if (entry.is("table")) {
                    double[] values = numbers(entry);
                    if (values.length != states.size() * combinations) {
                        throw entry.at().error("the table of '" + child + "' has " + values.length + " values but needs "
                                + states.size() + " states x " + combinations + " parent combinations = "
                                + states.size() * combinations);
                    }
                    for (int c = 0; c < combinations; c++) {
                        double[] row = new double[states.size()];
                        int lastFastest = lastParentFastest(c, parents);
                        for (int s = 0; s < states.size(); s++) {
                            row[s] = values[s * combinations + lastFastest];
                        }
                        rows[c] = checked(child, row, "the row for " + describe(parents, c), entry.at());
                    }
                } else if (entry.is("default")) {
                    defaultRow = checked(child, numbers(entry), "the default row", entry.at());
                } else if (entry.is("(")) {
                    int c = combination(parents, entry);
                    double[] row = numbers(entry);
                    rows[c] = checked(child, row, "the row for " + describe(parents, c), entry.at());
                } else if (entry.is("property")) {
                    property(child);
                } else {
                    throw entry.at().error("expected 'table', 'default', '(' or 'property' but found '" + entry.text()
                            + "'");
                }
            }
            for (int c = 0; c < combinations; c++) {
                if (rows[c] == null) {
                    if (defaultRow == null) {
                        throw at.error("the probability block of '" + child + "' has no row for "
                                + describe(parents, c));
                    }
                    rows[c] = defaultRow.clone();
                }
            }
            tables.put(child, new Table(child, List.copyOf(parents), Arrays.asList(rows), at));
        }

        /** The combination named by {@code (s1, s2, ...)}: one state per parent, in parent order. */
        private int combination(List<String> parents, Token open) {
            List<Token> named = new ArrayList<>();
            for (Token t = next(); t == null || !t.is(")"); t = next()) {
                if (t == null) {
                    throw open.at().error("this '(' is never closed with ')'");
                }
                if (!t.is(",")) {
                    named.add(t);
                }
            }
            if (named.size() != parents.size()) {
                throw open.at().error("this row names " + named.size() + " parent states but there are "
                        + parents.size() + " parents " + parents);
            }
            int index = 0;
            int stride = 1;
            for (int i = 0; i < parents.size(); i++) {
                List<String> states = variables.get(parents.get(i)).states();
                int s = states.indexOf(named.get(i).text());
                if (s < 0) {
                    throw named.get(i).at().error("'" + named.get(i).text() + "' is not a state of '" + parents.get(i)
                            + "' " + states);
                }
                index += s * stride;
                stride *= states.size();
            }
            return index;
        }

        /**
         * Converts a combination index with the first parent fastest into the table's index with the last
         * parent fastest: the digits are read first parent first and rebuilt with it as the most significant.
         */
        private int lastParentFastest(int combination, List<String> parents) {
            int index = 0;
            int rest = combination;
            for (String parent : parents) {
                int size = variables.get(parent).states().size();
                index = index * size + rest % size;
                rest /= size;
            }
            return index;
        }

        private String describe(List<String> parents, int combination) {
            if (parents.isEmpty()) {
                return "the variable itself";
            }
            List<String> states = new ArrayList<>();
            int rest = combination;
            for (String parent : parents) {
                List<String> parentStates = variables.get(parent).states();
                states.add(parent + "=" + parentStates.get(rest % parentStates.size()));
                rest /= parentStates.size();
            }
            return "(" + String.join(", ", states) + ")";
        }

        private double[] checked(String child, double[] row, String label, TextPosition at) {
            try {
                DiscreteBayesNet.checkRow(child, label, row, variables.get(child).states().size());
            } catch (IllegalArgumentException e) {
                throw at.error(e.getMessage());
            }
            return row;
        }

        /** Numbers up to ';', separated by commas or spaces. */
        private double[] numbers(Token after) {
            List<Double> values = new ArrayList<>();
            for (Token t = next(); t == null || !t.is(";"); t = next()) {
                if (t == null) {
                    throw after.at().error("the numbers after '" + after.text() + "' are never ended with ';'");
                }
                if (!t.is(",")) {
                    try {
                        values.add(Double.parseDouble(t.text()));
                    } catch (NumberFormatException e) {
                        throw t.at().error("'" + t.text() + "' is not a number");
                    }
                }
            }
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        /** {@code property <text> ;}: only a JavaBayes position is used. */
        private void property(String variable) {
            TextPosition at = in.position();
            StringBuilder value = new StringBuilder();
            for (Token t = next(); t == null || !t.is(";"); t = next()) {
                if (t == null) {
                    throw at.error("this property is never ended with ';'");
                }
                value.append(t.text()).append(' ');
            }
            Matcher m = POSITION.matcher(value);
            if (variable != null && m.matches()) {
                try {
                    dag.place(variable, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), at);
                } catch (NumberFormatException e) {
                    throw at.error("the position '" + value.toString().trim() + "' is not two numbers");
                }
            }
        }

        private void properties(Token first) {
            for (Token t = first; !isClose(t); t = next()) {
                if (!t.is("property")) {
                    throw t.at().error("expected 'property' or '}' but found '" + t.text() + "'");
                }
                property(null);
            }
        }

        private boolean isClose(Token t) {
            if (t == null) {
                throw in.error("a block is never closed with '}'");
            }
            return t.is("}");
        }

        private String known(Token t) {
            if (!dag.isDeclared(t.text())) {
                throw t.at().error("unknown variable '" + t.text() + "': declare it with a 'variable' block first");
            }
            return dag.find(t.text(), t.at());
        }

        private Token word(String expected) {
            Token t = next();
            if (t == null || (!t.quoted() && !WORD.matcher(t.text()).matches())) {
                throw (t == null ? in.position() : t.at()).error("expected " + expected + " but found "
                        + (t == null ? "the end of the text" : "'" + t.text() + "'"));
            }
            return t;
        }

        private void expect(Token t, String punctuation) {
            if (t == null || !t.is(punctuation)) {
                throw (t == null ? in.position() : t.at()).error("expected '" + punctuation + "' but found "
                        + (t == null ? "the end of the text" : "'" + t.text() + "'"));
            }
        }

        /** The next token, or null at the end of the text. */
        private Token next() {
            in.skipSpace();
            if (in.atEnd()) {
                return null;
            }
            TextPosition at = in.position();
            if (in.peek() == '"') {
                return new Token(in.readQuoted(), true, at);
            }
            Matcher word = in.match(WORD);
            if (word != null) {
                return new Token(in.take(word.end() - word.start()), false, at);
            }
            return new Token(String.valueOf(in.advance()), false, at);
        }
    }

    /** Writes the network in the layout bnlearn uses, rows naming their parent states. */
    public String write(DiscreteBayesNet net) {
        StringBuilder out = new StringBuilder("network unknown {\n}\n");
        for (DiscreteBayesNet.Node node : net.nodes()) {
            out.append("variable ").append(word(node.name())).append(" {\n  type discrete [ ")
                    .append(node.states().size()).append(" ] { ")
                    .append(String.join(", ", node.states().stream().map(BifFormat::word).toList())).append(" };\n}\n");
        }
        for (DiscreteBayesNet.Node node : net.nodes()) {
            out.append("probability ( ").append(word(node.name()));
            if (!node.parents().isEmpty()) {
                out.append(" | ").append(String.join(", ", node.parents().stream().map(BifFormat::word).toList()));
            }
            out.append(" ) {\n");
            List<double[]> rows = node.rows();
            for (int c = 0; c < rows.size(); c++) {
                String values = String.join(", ", Arrays.stream(rows.get(c)).mapToObj(Numbers::exact).toList());
                if (node.parents().isEmpty()) {
                    out.append("  table ").append(values).append(";\n");
                } else {
                    out.append("  (").append(String.join(", ", net.parentStates(node.name(), c).stream()
                            .map(BifFormat::word).toList())).append(") ").append(values).append(";\n");
                }
            }
            out.append("}\n");
        }
        return out.toString();
    }

    private static String word(String text) {
        return WORD_TO_WRITE.matcher(text).matches() ? text : Numbers.quote(text);
    }
}
