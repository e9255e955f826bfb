package org.recausal.engine.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

/**
 * Tetrad's text graph format: {@code Graph Nodes:}, the names separated by ';' (older files: ','), a blank
 * line, {@code Graph Edges:} and numbered edges {@code 1. X --> Y}. {@code -->} and {@code <--} are causes;
 * {@code <->} becomes a latent common cause. The marks of equivalence classes ({@code o->}, {@code o-o},
 * {@code ---}) do not say which way the cause runs, so they are refused. Sections after the edges (graph
 * attributes, triples) are skipped.
 */
public final class TetradFormat implements GraphImporter, GraphExporter {
    private static final Pattern EDGE =
            Pattern.compile("\\s*(?:\\d+\\.)?\\s*(\\S+)\\s+([o<-][-][o>-])\\s+(\\S+)(\\s+\\S.*)?");
    private static final Pattern SECTION = Pattern.compile("\\s*[A-Z][^.>]*:\\s*");

    @Override
    public ImportResult read(String text) {
        DagAssembler dag = new DagAssembler();
        String[] lines = text.split("\\R", -1);
        int i = skipBlank(lines, 0);
        if (i == lines.length || !lines[i].trim().equalsIgnoreCase("Graph Nodes:")) {
            throw new TextPosition(Math.min(i, lines.length - 1) + 1, 1)
                    .error("a Tetrad graph starts with 'Graph Nodes:'");
        }
        for (i++; i < lines.length && !lines[i].isBlank() && !lines[i].trim().equalsIgnoreCase("Graph Edges:"); i++) {
            String separator = lines[i].contains(";") ? ";" : ",";
            int column = 1;
            for (String part : lines[i].split(Pattern.quote(separator), -1)) {
                String name = part.strip();
                TextPosition at = new TextPosition(i + 1, column + Math.max(0, part.indexOf(name)));
                if (name.isEmpty()) {
                    throw at.error("empty node name in the node list");
                }
                dag.declare(name, at);
                column += part.length() + 1;
            }
        }
        i = skipBlank(lines, i);
        if (i == lines.length) {
            return dag.result();
        }
        if (!lines[i].trim().equalsIgnoreCase("Graph Edges:")) {
            throw new TextPosition(i + 1, 1).error("expected 'Graph Edges:' but found '" + lines[i].trim() + "'");
        }
        boolean warnedAboutProperties = false;
        for (i++; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher m = EDGE.matcher(line);
            if (!m.matches()) {
                if (SECTION.matcher(line).matches()) {
                    dag.warn("The section '" + line.trim() + "' (line " + (i + 1) + ") and what follows it were ignored.");
                    break;
                }
                throw new TextPosition(i + 1, 1).error("expected an edge like '1. X --> Y' but found '" + line.trim() + "'");
            }
            TextPosition at = new TextPosition(i + 1, m.start(2) + 1);
            String a = dag.find(m.group(1), new TextPosition(i + 1, m.start(1) + 1));
            String b = dag.find(m.group(3), new TextPosition(i + 1, m.start(3) + 1));
            switch (m.group(2)) {
                case "-->" -> dag.addEdge(a, b, "", at);
                case "<--" -> dag.addEdge(b, a, "", at);
                case "<->" -> dag.addBidirected(a, b, at);
                default -> throw at.error("the edge " + a + " " + m.group(2) + " " + b + " does not say which way the"
                        + " cause runs (circle or undirected ends come from an equivalence class such as a PAG or"
                        + " CPDAG); orient it as --> before importing");
            }
            if (m.group(4) != null && !warnedAboutProperties) {
                warnedAboutProperties = true;
                dag.warn("Edge properties such as '" + m.group(4).trim() + "' (line " + (i + 1) + ") were ignored.");
            }
        }
        return dag.result();
    }

    private static int skipBlank(String[] lines, int from) {
        int i = from;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        return i;
    }

    @Override
    public String write(Dag dag) {
        StringBuilder out = new StringBuilder("Graph Nodes:\n");
        out.append(String.join(";", dag.variables().stream().map(Variable::name).toList())).append("\n\nGraph Edges:\n");
        int n = 1;
        for (CausalEdge e : dag.edges()) {
            out.append(n++).append(". ").append(e.from()).append(" --> ").append(e.to()).append('\n');
        }
        return out.toString();
    }
}
