package org.recausal.engine.analysis;

import java.util.Set;
import java.util.TreeSet;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/** Builds test graphs from DAGitty-like text: {@code "x [exposure]; y [outcome]; x -> m -> y; u -> x"}. */
final class Graphs {
    private Graphs() {
    }

    static Dag parse(String text) {
        Dag dag = new Dag();
        for (String statement : text.split("[;\n]")) {
            String s = statement.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.contains("->")) {
                String[] chain = s.split("->");
                for (int i = 0; i < chain.length; i++) {
                    declare(dag, chain[i].strip(), Role.ORDINARY);
                    if (i > 0) {
                        dag.addEdge(chain[i - 1].strip(), chain[i].strip());
                    }
                }
            } else {
                int bracket = s.indexOf('[');
                String name = bracket < 0 ? s : s.substring(0, bracket).strip();
                Role role = bracket < 0 ? Role.ORDINARY : Role.parse(s.substring(bracket + 1, s.indexOf(']')));
                declare(dag, name, role);
                if (dag.require(name).role() != role) {
                    dag.updateVariable(dag.require(name).withRole(role));
                }
            }
        }
        return dag;
    }

    private static void declare(Dag dag, String name, Role role) {
        if (!dag.contains(name)) {
            dag.addVariable(Variable.of(name, role, DataType.CONTINUOUS));
        }
    }

    /** Sets written as {@code "a,b"}, compared without order. */
    static Set<Set<String>> sets(String... sets) {
        Set<Set<String>> result = new java.util.HashSet<>();
        for (String s : sets) {
            Set<String> set = new TreeSet<>();
            for (String name : s.split(",")) {
                if (!name.isBlank()) {
                    set.add(name.strip());
                }
            }
            result.add(set);
        }
        return result;
    }

    static Set<String> set(String... names) {
        return new TreeSet<>(java.util.List.of(names));
    }
}
