package org.recausal.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.project.GraphJson;
import org.recausal.engine.project.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print the variables and edges of the project's causal graph.")
final class ShowDagCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ProjectFileParameter project;

    @Option(names = "--json", description = "Print JSON: {\"name\", \"nodes\": [...], \"edges\": [...]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Project opened = project.open();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(opened).toPrettyString());
        } else {
            printTable(opened, out);
        }
        return Cli.EXIT_OK;
    }

    private static ObjectNode toJson(Project project) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", project.name());
        ArrayNode nodes = root.putArray("nodes");
        project.dag().variables().forEach(v -> nodes.add(GraphJson.variable(v)));
        ArrayNode edges = root.putArray("edges");
        project.dag().edges().forEach(e -> edges.add(GraphJson.edge(e)));
        return root;
    }

    private static void printTable(Project project, PrintWriter out) {
        Dag dag = project.dag();
        out.printf("%s: %d variables, %d edges%n", project.name(), dag.size(), dag.edgeCount());
        int width = dag.names().stream().mapToInt(String::length).max().orElse(0);
        out.println();
        out.println("Variables");
        for (Variable v : dag.variables()) {
            out.printf("  %-" + width + "s  %-9s  %-11s  %s%n", v.name(), v.role().id(), v.type().id(),
                    firstLine(v.description()));
        }
        out.println();
        out.println("Edges");
        for (CausalEdge e : dag.edges()) {
            String arrow = e.from() + " -> " + e.to();
            out.println(e.note().isEmpty() ? "  " + arrow : "  " + arrow + "   (" + firstLine(e.note()) + ")");
        }
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " …";
    }
}
