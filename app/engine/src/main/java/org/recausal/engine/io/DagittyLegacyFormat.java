package org.recausal.engine.io;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * The text form of DAGitty before its graph syntax: one line per variable ({@code name flags @x,y}, the
 * flags E exposure, O outcome, A adjusted, U latent, digits a weight DAGitty ignores), a blank line, then
 * one line per variable with children ({@code from to1 to2 ...}, each child optionally followed by the
 * {@code @x,y} bend point of its arrow). A pair listed both ways is DAGitty's bidirected edge. Names may
 * be URI-encoded. Recausal writes S for a selection variable; DAGitty ignores letters it does not know.
 */
public final class DagittyLegacyFormat implements GraphImporter, GraphExporter {
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    private static final Pattern POSITION = Pattern.compile("@(-?[0-9.]+(?:[eE]-?\\d+)?),(-?[0-9.]+(?:[eE]-?\\d+)?)");

    private record Token(String text, TextPosition at) {
    }

    @Override
    public ImportResult read(String text) {
        DagAssembler dag = new DagAssembler();
        String[] lines = text.split("\\R", -1);
        int line = 0;
        while (line < lines.length && lines[line].isBlank()) {
            line++;
        }
        Map<String, double[]> positions = new LinkedHashMap<>();
        for (; line < lines.length && !lines[line].isBlank(); line++) {
            variable(tokens(lines[line], line + 1), dag, positions);
        }
        record Arrow(String from, String to, TextPosition at) {
        }
        List<Arrow> arrows = new ArrayList<>();
        for (; line < lines.length; line++) {
            List<Token> tokens = tokens(lines[line], line + 1);
            if (tokens.isEmpty()) {
                continue;
            }
            int[] next = {0};
            String from = name(tokens, next, dag);
            while (next[0] < tokens.size()) {
                TextPosition at = tokens.get(next[0]).at();
                arrows.add(new Arrow(from, name(tokens, next, dag), at));
                if (next[0] < tokens.size() && tokens.get(next[0]).text().startsWith("@")) {
                    next[0]++; // the bend point of the arrow: the canvas draws straight arrows
                }
            }
        }
        Set<String> listed = new HashSet<>();
        arrows.forEach(a -> listed.add(a.from() + "\n" + a.to()));
        Set<String> bidirected = new HashSet<>();
        for (Arrow a : arrows) {
            if (listed.contains(a.to() + "\n" + a.from())) {
                if (bidirected.add(a.to() + "\n" + a.from())) {
                    bidirected.add(a.from() + "\n" + a.to());
                    dag.addBidirected(a.from(), a.to(), a.at());
                }
            } else {
                dag.addEdge(a.from(), a.to(), "", a.at());
            }
        }
        double scale = DagittyCoordinates.importScale(DagittyCoordinates.extent(positions.values()));
        positions.forEach((name, p) -> dag.place(name, p[0] * scale, p[1] * scale, TextPosition.UNKNOWN));
        return dag.result();
    }

    private static List<Token> tokens(String line, int lineNumber) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(new Token(m.group(), new TextPosition(lineNumber, m.start() + 1)));
        }
        return tokens;
    }

    private static void variable(List<Token> tokens, DagAssembler dag, Map<String, double[]> positions) {
        List<Token> rest = new ArrayList<>(tokens);
        Token position = null;
        if (rest.size() >= 2 && rest.getLast().text().startsWith("@")) {
            position = rest.removeLast();
        }
        String flags = rest.size() >= 2 ? rest.removeLast().text() : "1";
        Token first = rest.getFirst();
        String name = dag.declare(decode(String.join(" ", rest.stream().map(Token::text).toList()), first.at()),
                first.at());
        for (char flag : flags.toCharArray()) {
            Role role = switch (flag) {
                case 'E' -> Role.EXPOSURE;
                case 'O' -> Role.OUTCOME;
                case 'A' -> Role.ADJUSTED;
                case 'U' -> Role.LATENT;
                case 'S' -> Role.SELECTION;
                default -> null;
            };
            if (role != null) {
                if (dag.variable(name).role() != Role.ORDINARY) {
                    dag.warn("'" + name + "' has several roles (" + flags + ") on line " + first.at().line()
                            + "; a variable has one role in Recausal, so it was imported as " + role.id() + ".");
                }
                dag.update(name, v -> v.withRole(role));
            } else if (!Character.isDigit(flag)) {
                dag.warn("The flag '" + flag + "' of '" + name + "' on line " + first.at().line() + " is not one of"
                        + " E, O, A, U and was ignored.");
            }
        }
        if (position != null) {
            Matcher m = POSITION.matcher(position.text());
            if (!m.matches()) {
                throw position.at().error("expected a position like @0.5,1.2 but found '" + position.text() + "'");
            }
            positions.put(name, new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
    }

    /** The next variable name: names with spaces span several tokens, so the shortest known prefix wins, as in DAGitty. */
    private static String name(List<Token> tokens, int[] next, DagAssembler dag) {
        Token start = tokens.get(next[0]);
        StringBuilder candidate = new StringBuilder();
        while (next[0] < tokens.size()) {
            if (!candidate.isEmpty()) {
                candidate.append(' ');
            }
            candidate.append(tokens.get(next[0]++).text());
            String decoded = decode(candidate.toString(), start.at());
            if (dag.isDeclared(decoded)) {
                return dag.find(decoded, start.at());
            }
        }
        throw start.at().error("unknown variable '" + decode(start.text(), start.at())
                + "': every variable in an edge line must be listed in the variable lines above the blank line");
    }

    /** JavaScript's decodeURIComponent: unlike form decoding, '+' stays a plus. */
    private static String decode(String text, TextPosition at) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw at.error("'" + text + "' is not a valid URI-encoded name: " + e.getMessage());
        }
    }

    @Override
    public String write(Dag dag) {
        boolean laidOut = DagittyCoordinates.isLaidOut(dag);
        StringBuilder out = new StringBuilder();
        for (Variable v : dag.variables()) {
            out.append(v.name()).append(' ').append(switch (v.role()) {
                case ORDINARY -> "1";
                case EXPOSURE -> "E";
                case OUTCOME -> "O";
                case ADJUSTED -> "A";
                case LATENT -> "U";
                case SELECTION -> "S";
            });
            if (laidOut) {
                out.append(" @").append(DagittyCoordinates.position(v));
            }
            out.append('\n');
        }
        out.append('\n');
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (CausalEdge e : dag.edges()) {
            children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        children.forEach((from, to) -> out.append(from).append(' ').append(String.join(" ", to)).append('\n'));
        return out.toString();
    }
}
