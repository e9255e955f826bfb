package org.recausal.engine.scm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import org.recausal.engine.model.Scale;

/**
 * A formula over variables, for rules such as {@code X := min(X, 3)}, policies such as
 * {@code exposure := bernoulli(sigmoid(recommender_score - 0.5 * log(1 + item_popularity)))} and subgroups such
 * as {@code device == "mobile" && user_activity > 5}.
 *
 * <p>Numbers, variable names (a binary or categorical variable reads as its level code; compare it with a level
 * in quotes), {@code + - * / ^}, comparisons {@code < <= > >= == !=} and {@code && || !} (true is 1, false 0),
 * parentheses and the functions {@code min max abs log exp sqrt pow sigmoid round floor ceil clip(x, lo, hi)
 * if(condition, then, else)} and the random draws {@code bernoulli(p) normal(mean, sd) uniform(lo, hi)}.
 */
public final class Expression {

    private static final Set<String> RANDOM = Set.of("bernoulli", "normal", "uniform");
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("min", new int[] {1, Integer.MAX_VALUE}), Map.entry("max", new int[] {1, Integer.MAX_VALUE}),
            Map.entry("abs", new int[] {1, 1}), Map.entry("log", new int[] {1, 1}), Map.entry("exp", new int[] {1, 1}),
            Map.entry("sqrt", new int[] {1, 1}), Map.entry("pow", new int[] {2, 2}),
            Map.entry("sigmoid", new int[] {1, 1}), Map.entry("round", new int[] {1, 1}),
            Map.entry("floor", new int[] {1, 1}), Map.entry("ceil", new int[] {1, 1}),
            Map.entry("clip", new int[] {3, 3}), Map.entry("if", new int[] {3, 3}),
            Map.entry("bernoulli", new int[] {1, 1}), Map.entry("normal", new int[] {2, 2}),
            Map.entry("uniform", new int[] {2, 2}));

    /** A compiled expression, evaluated row by row over columns in the order given to {@link #compile}. */
    @FunctionalInterface
    public interface Compiled {
        double evaluate(double[][] columns, int row, RandomGenerator random);
    }

    private final String text;
    private final Node root;

    private Expression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** @throws IllegalArgumentException saying what is wrong where (1-based character position) */
    public static Expression parse(String text) {
        Parser parser = new Parser(text);
        Node root = parser.expression();
        parser.expectEnd();
        return new Expression(text.strip(), root);
    }

    public String text() {
        return text;
    }

    /** The variables named, in order of first appearance. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        root.collect(names);
        return names;
    }

    /** Whether the expression draws random numbers (bernoulli, normal, uniform). */
    public boolean isRandom() {
        return root.isRandom();
    }

    /**
     * Binds the variables to columns: {@code columns.indexOf(name)} is where a name is read, {@code scales} says
     * how (so that a quoted level can become its code).
     *
     * @throws IllegalArgumentException for an unknown variable or a level the variable does not have
     */
    public Compiled compile(List<String> columns, Function<String, Scale> scales) {
        return root.compile(columns, scales);
    }

    /** Expressions are equal when their texts are. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Expression e && e.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    // ------------------------------------------------------------------ syntax tree

    private sealed interface Node {
        void collect(Set<String> names);

        boolean isRandom();

        Compiled compile(List<String> columns, Function<String, Scale> scales);
    }

    private record Constant(double value) implements Node {
        public void collect(Set<String> names) {
        }

        public boolean isRandom() {
            return false;
        }

        public Compiled compile(List<String> columns, Function<String, Scale> scales) {
            return (c, row, random) -> value;
        }
    }

    private record Text(String value, int position) implements Node {
        public void collect(Set<String> names) {
        }

        public boolean isRandom() {
            return false;
        }

        public Compiled compile(List<String> columns, Function<String, Scale> scales) {
            throw new IllegalArgumentException("the text \"" + value + "\" at " + position
                    + " can only be compared with a binary or categorical variable, as in device == \"mobile\"");
        }
    }

    private record Variable(String name, int position) implements Node {
        public void collect(Set<String> names) {
            names.add(name);
        }

        public boolean isRandom() {
            return false;
        }

        public Compiled compile(List<String> columns, Function<String, Scale> scales) {
            int j = columns.indexOf(name);
            if (j < 0) {
                throw new IllegalArgumentException("unknown variable '" + name + "' at " + position);
            }
            return (c, row, random) -> c[j][row];
        }
    }

    private record Unary(char operator, Node operand) implements Node {
        public void collect(Set<String> names) {
            operand.collect(names);
        }

        public boolean isRandom() {
            return operand.isRandom();
        }

        public Compiled compile(List<String> columns, Function<String, Scale> scales) {
            Compiled inner = operand.compile(columns, scales);
            return operator == '-' ? (c, row, r) -> -inner.evaluate(c, row, r)
                    : (c, row, r) -> inner.evaluate(c, row, r) != 0 ? 0 : 1;
        }
    }

    private record Binary(String operator, Node left, Node right) implements Node {
        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }

        public boolean isRandom() {
            return left.isRandom() || right.isRandom();
        }

        public Compiled compile(List<String> columns, Function<String, Scale> scales) {
            Node l = left;
            Node r = right;
            if ((operator.equals("==") || operator.equals("!=")) && (l instanceof Text || r instanceof Text)) {
                Compiled comparison = compareLevel(l instanceof Text ? r : l, (Text) (l instanceof Text ? l : r),
                        columns, scales);
                return operator.equals("==") ? comparison
                        : (c, row, random) -> 1 - comparison.evaluate(c, row, random);
            }
            Compiled a = l.compile(columns, scales);
            Compiled b = r.compile(columns, scales);
            return switch (operator) {
                case "+" -> (c, row, x) -> a.evaluate(c, row, x) + b.evaluate(c, row, x);
                case "-" -> (c, row, x) -> a.evaluate(c, row, x) - b.evaluate(c, row, x);
                case "*" -> (c, row, x) -> a.evaluate(c, row, x) * b.evaluate(c, row, x);
                case "/" -> (c, row, x) -> a.evaluate(c, row, x) / b.evaluate(c, row, x);
                case "^" -> (c, row, x) -> Math.pow(a.evaluate(c, row, x), b.evaluate(c, row, x));
                case "<" -> (c, row, x) -> a.evaluate(c, row, x) < b.evaluate(c, row, x) ? 1 : 0;
                case "<=" -> (c, row, x) -> a.evaluate(c, row, x) <= b.evaluate(c, row, x) ? 1 : 0;
                case ">" -> (c, row, x) -> a.evaluate(c, row, x) > b.evaluate(c, row, x) ? 1 : 0;
                case ">=" -> (c, row, x) -> a.evaluate(c, row, x) >= b.evaluate(c, row, x) ? 1 : 0;
                case "==" -> (c, row, x) -> a.evaluate(c, row, x) == b.evaluate(c, row, x) ? 1 : 0;
                case "!=" -> (c, row, x) -> a.evaluate(c, row, x) != b.evaluate(c, row, x) ? 1 : 0;
                // Both sides are always evaluated so that random draws stay aligned across rows.
                case "&&" -> (c, row, x) -> (a.evaluate(c, row, x) != 0) & (b.evaluate(c, row, x) != 0) ? 1 : 0;
                case "||" -> (c, row, x) -> (a.evaluate(c, row, x) != 0) | (b.evaluate(c, row, x) != 0) ? 1 : 0;
                default -> throw new IllegalStateException("operator " + operator);
            };
        }

        private static Compiled compareLevel(Node side, Text level, List<String> columns,
                Function<String, Scale> scales) {
            if (!(side instanceof Variable variable)) {
                throw new IllegalArgumentException("the text \"" + level.value() + "\" at " + level.position()
                        + " must be compared with a variable");
            }
            Compiled value = variable.compile(columns, scales);
            Scale scale = scales.apply(variable.name());
            if (!scale.isDiscrete()) {
                throw new IllegalArgumentException("'" + variable.name() + "' is numeric, so it cannot equal the text \""
                        + level.value() + "\"");
            }
            double code;
            try {
                code = scale.code(level.value());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + variable.name() + "' has no level \"" + level.value()
                        + "\" (its levels are " + scale.levels() + ")", e);
            }
            return (c, row, random) -> value.evaluate(c, row, random) == code ? 1 : 0;
        }
    }

    private record Call(String function, List<Node> arguments) implements Node {
        public void collect(Set<String> names) {
            arguments.forEach(a -> a.collect(names));
        }

        public boolean isRandom() {
            return RANDOM.contains(function) || arguments.stream().anyMatch(Node::isRandom);
        }

        public Compiled compile(List<String> columns, Function<String, Scale> scales) {
            Compiled[] args = arguments.stream().map(a -> a.compile(columns, scales)).toArray(Compiled[]::new);
            Compiled a = args[0];
            return switch (function) {
                case "min" -> (c, row, x) -> {
                    double m = a.evaluate(c, row, x);
                    for (int k = 1; k < args.length; k++) {
                        m = Math.min(m, args[k].evaluate(c, row, x));
                    }
                    return m;
                };
                case "max" -> (c, row, x) -> {
                    double m = a.evaluate(c, row, x);
                    for (int k = 1; k < args.length; k++) {
                        m = Math.max(m, args[k].evaluate(c, row, x));
                    }
                    return m;
                };
                case "abs" -> (c, row, x) -> Math.abs(a.evaluate(c, row, x));
                case "log" -> (c, row, x) -> Math.log(a.evaluate(c, row, x));
                case "exp" -> (c, row, x) -> Math.exp(a.evaluate(c, row, x));
                case "sqrt" -> (c, row, x) -> Math.sqrt(a.evaluate(c, row, x));
                case "pow" -> (c, row, x) -> Math.pow(a.evaluate(c, row, x), args[1].evaluate(c, row, x));
                case "sigmoid" -> (c, row, x) -> 1 / (1 + Math.exp(-a.evaluate(c, row, x)));
                case "round" -> (c, row, x) -> Math.rint(a.evaluate(c, row, x));
                case "floor" -> (c, row, x) -> Math.floor(a.evaluate(c, row, x));
                case "ceil" -> (c, row, x) -> Math.ceil(a.evaluate(c, row, x));
                case "clip" -> (c, row, x) -> Math.min(Math.max(a.evaluate(c, row, x), args[1].evaluate(c, row, x)),
                        args[2].evaluate(c, row, x));
                case "if" -> (c, row, x) -> {
                    double condition = a.evaluate(c, row, x);
                    double then = args[1].evaluate(c, row, x);
                    double otherwise = args[2].evaluate(c, row, x);
                    return condition != 0 ? then : otherwise;
                };
                case "bernoulli" -> (c, row, x) -> {
                    double p = a.evaluate(c, row, x);
                    return x.nextDouble() < p ? 1 : 0;
                };
                case "normal" -> (c, row, x) -> a.evaluate(c, row, x)
                        + args[1].evaluate(c, row, x) * x.nextGaussian();
                case "uniform" -> (c, row, x) -> {
                    double lo = a.evaluate(c, row, x);
                    return lo + (args[1].evaluate(c, row, x) - lo) * x.nextDouble();
                };
                default -> throw new IllegalStateException("function " + function);
            };
        }
    }

    // ------------------------------------------------------------------ parser

    /** Recursive descent over the text; positions in messages are 1-based characters. */
    private static final class Parser {
        private final String text;
        private int at;

        Parser(String text) {
            this.text = text;
        }

        Node expression() {
            Node left = and();
            while (accept("||")) {
                left = new Binary("||", left, and());
            }
            return left;
        }

        private Node and() {
            Node left = comparison();
            while (accept("&&")) {
                left = new Binary("&&", left, comparison());
            }
            return left;
        }

        private Node comparison() {
            Node left = sum();
            for (String operator : List.of("<=", ">=", "==", "!=", "<", ">")) {
                if (accept(operator)) {
                    return new Binary(operator, left, sum());
                }
            }
            return left;
        }

        private Node sum() {
            Node left = product();
            while (true) {
                if (accept("+")) {
                    left = new Binary("+", left, product());
                } else if (accept("-")) {
                    left = new Binary("-", left, product());
                } else {
                    return left;
                }
            }
        }

        private Node product() {
            Node left = unary();
            while (true) {
                if (accept("*")) {
                    left = new Binary("*", left, unary());
                } else if (accept("/")) {
                    left = new Binary("/", left, unary());
                } else {
                    return left;
                }
            }
        }

        private Node unary() {
            if (accept("-")) {
                return new Unary('-', unary());
            }
            if (peek("!") && !peek("!=")) {
                accept("!");
                return new Unary('!', unary());
            }
            Node base = primary();
            if (accept("^")) {
                return new Binary("^", base, unary());
            }
            return base;
        }

        private Node primary() {
            skipSpace();
            if (at >= text.length()) {
                throw error("the expression ends where a value is expected");
            }
            char c = text.charAt(at);
            int start = at;
            if (accept("(")) {
                Node inner = expression();
                expect(")");
                return inner;
            }
            if (c == '"' || c == '\'') {
                int end = text.indexOf(c, at + 1);
                if (end < 0) {
                    throw error("the text starting at " + (start + 1) + " has no closing " + c);
                }
                at = end + 1;
                return new Text(text.substring(start + 1, end), start + 1);
            }
            if (Character.isDigit(c) || c == '.') {
                while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                    at++;
                }
                if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                    at++;
                    if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                        at++;
                    }
                    while (at < text.length() && Character.isDigit(text.charAt(at))) {
                        at++;
                    }
                }
                try {
                    return new Constant(Double.parseDouble(text.substring(start, at)));
                } catch (NumberFormatException e) {
                    throw error("'" + text.substring(start, at) + "' at " + (start + 1) + " is not a number");
                }
            }
            if (Character.isLetter(c) || c == '_') {
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
                        || text.charAt(at) == '.')) {
                    at++;
                }
                String name = text.substring(start, at);
                if (accept("(")) {
                    return call(name.toLowerCase(Locale.ROOT), start);
                }
                return switch (name) {
                    case "true" -> new Constant(1);
                    case "false" -> new Constant(0);
                    default -> new Variable(name, start + 1);
                };
            }
            throw error("unexpected '" + c + "' at " + (start + 1));
        }

        private Node call(String function, int start) {
            int[] arity = ARITY.get(function);
            if (arity == null) {
                throw error("unknown function '" + function + "' at " + (start + 1) + "; known: "
                        + String.join(", ", ARITY.keySet().stream().sorted().toList()));
            }
            List<Node> arguments = new ArrayList<>();
            if (!accept(")")) {
                do {
                    arguments.add(expression());
                } while (accept(","));
                expect(")");
            }
            if (arguments.size() < arity[0] || arguments.size() > arity[1]) {
                throw error(function + "(...) at " + (start + 1) + " takes " + (arity[0] == arity[1] ? arity[0]
                        : "at least " + arity[0]) + " argument" + (arity[0] == 1 ? "" : "s") + ", not "
                        + arguments.size());
            }
            return new Call(function, arguments);
        }

        void expectEnd() {
            skipSpace();
            if (at < text.length()) {
                throw error("unexpected '" + text.charAt(at) + "' at " + (at + 1));
            }
        }

        private void expect(String token) {
            if (!accept(token)) {
                skipSpace();
                throw error("expected '" + token + "' at " + (at + 1)
                        + (at < text.length() ? " but found '" + text.charAt(at) + "'" : " but the expression ends"));
            }
        }

        private boolean peek(String token) {
            skipSpace();
            return text.startsWith(token, at);
        }

        private boolean accept(String token) {
            if (peek(token)) {
                at += token.length();
                return true;
            }
            return false;
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("in '" + text.strip() + "': " + message);
        }
    }
}
