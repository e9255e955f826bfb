package org.recausal.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.Role;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/**
 * A command that reads one graph and prints JSON about it. Problems with the input the engine
 * refuses (an unknown variable, an exposure that is also an outcome) become one-line failures.
 */
abstract class GraphCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    GraphInput input;

    @Override
    public final Integer call() {
        Dag dag = input.load(((RecausalCommand) spec.root().userObject()).standardInput());
        ObjectNode result;
        try {
            result = answer(dag);
        } catch (IllegalArgumentException | DagException e) {
            throw new CommandFailure(e.getMessage());
        }
        if (result != null) {
            Json.print(out(), result);
        }
        return Cli.EXIT_OK;
    }

    /** The JSON answer, or null when the command printed its own output. */
    abstract ObjectNode answer(Dag dag);

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The names given on the command line, else the variables with {@code role} in the graph. */
    static List<String> orRole(List<String> given, Dag dag, Role role, String option) {
        List<String> names = given == null || given.isEmpty() ? dag.withRole(role) : given;
        if (names.isEmpty()) {
            throw new CommandFailure("no " + role.id() + " given: use " + option + " or mark one in the graph");
        }
        return names;
    }

    /** Exactly one name, for analyses defined for a single exposure and outcome. */
    static String single(List<String> names, String what) {
        if (names.size() != 1) {
            throw new CommandFailure(what + " needs exactly one, not " + names.size() + " (" + String.join(", ", names) + ")");
        }
        return names.getFirst();
    }
}
