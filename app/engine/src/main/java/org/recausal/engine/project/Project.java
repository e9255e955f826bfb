package org.recausal.engine.project;

import java.util.Objects;

import org.recausal.engine.dag.Dag;

/**
 * What an analyst saves and mails to a colleague: a named causal graph. Later parts of the file
 * (datasets, models, scenarios, results) hang off this class as they are added.
 */
public final class Project {
    private String name;
    private final Dag dag;

    public Project(String name, Dag dag) {
        this.name = checkName(name);
        this.dag = Objects.requireNonNull(dag, "dag");
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = checkName(name);
    }

    /** The live graph; edits go through it (and its edit history in the UI). */
    public Dag dag() {
        return dag;
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a project name cannot be blank");
        }
        return name;
    }

    @Override
    public String toString() {
        return "Project[" + name + ", " + dag.size() + " variables, " + dag.edgeCount() + " edges]";
    }
}
