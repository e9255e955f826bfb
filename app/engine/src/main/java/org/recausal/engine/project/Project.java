package org.recausal.engine.project;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.recausal.engine.dag.Dag;

/**
 * What an analyst saves and mails to a colleague: a named causal graph and the datasets attached to it. Later
 * parts of the file (models, scenarios, results) hang off this class as they are added.
 */
public final class Project {
    private String name;
    private final Dag dag;
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();

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

    /**
     * A copy to save or analyse while the original is edited on: a copy of the graph and the same datasets
     * (datasets are immutable values, so they are shared).
     */
    public Project copy() {
        Project copy = new Project(name, dag.copy());
        datasets.values().forEach(copy::addDataset);
        return copy;
    }

    /** The attached datasets in the order they were added. */
    public List<Dataset> datasets() {
        return List.copyOf(datasets.values());
    }

    public Optional<Dataset> dataset(String id) {
        return Optional.ofNullable(datasets.get(id));
    }

    /**
     * @throws IllegalArgumentException when the id is taken, or the join names a dataset that is missing or is
     *                                  itself joined to another
     */
    public void addDataset(Dataset dataset) {
        if (datasets.containsKey(dataset.id())) {
            throw new IllegalArgumentException("the project already has a dataset '" + dataset.id() + "'");
        }
        checkJoin(dataset);
        datasets.put(dataset.id(), dataset);
    }

    /** Replaces the dataset with the same id (after a relink or a mapping edit), keeping its place. */
    public void replaceDataset(Dataset dataset) {
        if (!datasets.containsKey(dataset.id())) {
            throw new IllegalArgumentException("the project has no dataset '" + dataset.id() + "'");
        }
        checkJoin(dataset);
        if (dataset.join() != null && datasets.values().stream().anyMatch(joinsTo(dataset.id()))) {
            throw new IllegalArgumentException("dataset '" + dataset.id() + "' cannot join another: other datasets "
                    + "are joined to it");
        }
        datasets.put(dataset.id(), dataset);
    }

    /** @throws IllegalArgumentException when another dataset is joined to it */
    public void removeDataset(String id) {
        datasets.values().stream().filter(joinsTo(id)).findFirst().ifPresent(d -> {
            throw new IllegalArgumentException("dataset '" + d.id() + "' is joined to '" + id
                    + "'; remove it or its join first");
        });
        datasets.remove(id);
    }

    private void checkJoin(Dataset dataset) {
        DatasetJoin join = dataset.join();
        if (join == null) {
            return;
        }
        Dataset target = datasets.get(join.dataset());
        if (target == null || target.id().equals(dataset.id())) {
            throw new IllegalArgumentException("dataset '" + dataset.id() + "' is joined to '" + join.dataset()
                    + "', which the project does not have" + (target == null ? "" : " apart from itself"));
        }
        if (target.join() != null) {
            throw new IllegalArgumentException("dataset '" + dataset.id() + "' is joined to '" + target.id()
                    + "', which is itself joined to '" + target.join().dataset() + "'; join both to '"
                    + target.join().dataset() + "' instead");
        }
    }

    private static java.util.function.Predicate<Dataset> joinsTo(String id) {
        return d -> d.join() != null && d.join().dataset().equals(id);
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
        return "Project[" + name + ", " + dag.size() + " variables, " + dag.edgeCount() + " edges, "
                + datasets.size() + " datasets]";
    }
}
