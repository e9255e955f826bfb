package org.recausal.engine.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.estimate.ScenarioResult;
import org.recausal.engine.scm.Scenario;

/**
 * What an analyst saves and mails to a colleague: a named causal graph, the datasets attached to it, and what the
 * analyst made of them: notes, the fitted structural causal model, scenarios with their last results, and trained
 * recommenders.
 */
public final class Project {
    private String name;
    private final Dag dag;
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private String notes = "";
    private StoredScm scm;
    private final Map<String, Scenario> scenarios = new LinkedHashMap<>();
    private final Map<String, StoredResult> results = new HashMap<>();
    private final Map<String, StoredRecommender> recommenders = new LinkedHashMap<>();
    private final Map<String, PolicyScenario> policies = new LinkedHashMap<>();

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
     * A copy to save or analyse while the original is edited on: a copy of the graph and the same datasets, notes,
     * model, scenarios, results and recommenders (immutable values, so they are shared).
     */
    public Project copy() {
        Project copy = new Project(name, dag.copy());
        datasets.values().forEach(copy::addDataset);
        copy.notes = notes;
        copy.scm = scm;
        copy.scenarios.putAll(scenarios);
        copy.results.putAll(results);
        copy.recommenders.putAll(recommenders);
        copy.policies.putAll(policies);
        return copy;
    }

    /** The analyst's notes on the project, Markdown text ({@code ""} when there are none). */
    public String notes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes == null ? "" : notes;
    }

    /** The fitted structural causal model, if one was fitted (check {@link StoredScm#isStale} before reusing it). */
    public Optional<StoredScm> scm() {
        return Optional.ofNullable(scm);
    }

    /** Keeps {@code scm} as the project's model; null removes it. */
    public void setScm(StoredScm scm) {
        this.scm = scm;
    }

    /** The scenarios in the analyst's order. */
    public List<Scenario> scenarios() {
        return List.copyOf(scenarios.values());
    }

    public Optional<Scenario> scenario(String name) {
        return Optional.ofNullable(scenarios.get(name));
    }

    /** Adds a scenario at the end. @throws IllegalArgumentException when its name is taken */
    public void addScenario(Scenario scenario) {
        if (scenarios.containsKey(scenario.name())) {
            throw new IllegalArgumentException("the project already has a scenario '" + scenario.name() + "'");
        }
        scenarios.put(scenario.name(), scenario);
    }

    /**
     * Replaces the scenario of the same name, keeping its place; its last result is dropped when the scenario
     * changed. @throws IllegalArgumentException when there is none of that name
     */
    public void replaceScenario(Scenario scenario) {
        Scenario old = requireScenario(scenario.name());
        if (!old.equals(scenario)) {
            results.remove(scenario.name());
        }
        scenarios.put(scenario.name(), scenario);
    }

    /** Removes the scenario and its result; nothing happens when there is none of that name. */
    public void removeScenario(String name) {
        scenarios.remove(name);
        results.remove(name);
    }

    /** Renames a scenario, keeping its place and its result. @throws IllegalArgumentException when the new name is taken */
    public void renameScenario(String name, String newName) {
        Scenario old = requireScenario(name);
        if (name.equals(newName)) {
            return;
        }
        if (scenarios.containsKey(newName)) {
            throw new IllegalArgumentException("the project already has a scenario '" + newName + "'");
        }
        Scenario renamed = new Scenario(newName, old.interventions(), old.baseline(), old.outcomes(), old.subgroup(),
                old.samples(), old.seed());
        Map<String, Scenario> reordered = new LinkedHashMap<>();
        scenarios.forEach((key, value) -> reordered.put(key.equals(name) ? newName : key,
                key.equals(name) ? renamed : value));
        scenarios.clear();
        scenarios.putAll(reordered);
        StoredResult result = results.remove(name);
        if (result != null) {
            ScenarioResult r = result.result();
            results.put(newName, new StoredResult(new ScenarioResult(newName, r.effects(), r.distributions(),
                    r.samples(), r.subgroupShare(), r.replicates()), result.model()));
        }
    }

    /** Moves a scenario to position {@code index} (0-based) of the list. */
    public void moveScenario(String name, int index) {
        Scenario moved = requireScenario(name);
        List<Scenario> order = new ArrayList<>(scenarios.values());
        if (index < 0 || index >= order.size()) {
            throw new IndexOutOfBoundsException("no position " + index + " among " + order.size() + " scenarios");
        }
        order.remove(moved);
        order.add(index, moved);
        scenarios.clear();
        order.forEach(s -> scenarios.put(s.name(), s));
    }

    /** The last result of the scenario, if it was run (check {@link StoredResult#isStale} before showing it as current). */
    public Optional<StoredResult> scenarioResult(String name) {
        return Optional.ofNullable(results.get(name));
    }

    /** Keeps {@code result} as the last result of its scenario. @throws IllegalArgumentException when there is no such scenario */
    public void setScenarioResult(StoredResult result) {
        requireScenario(result.scenario());
        results.put(result.scenario(), result);
    }

    private Scenario requireScenario(String name) {
        Scenario scenario = scenarios.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("the project has no scenario '" + name + "'");
        }
        return scenario;
    }

    /** The policy scenarios, in the order they were added. */
    public List<PolicyScenario> policyScenarios() {
        return List.copyOf(policies.values());
    }

    public Optional<PolicyScenario> policyScenario(String name) {
        return Optional.ofNullable(policies.get(name));
    }

    /** Keeps the policy scenario, replacing the one of the same name in its place, or adding it last. */
    public void putPolicyScenario(PolicyScenario scenario) {
        policies.put(scenario.name(), scenario);
    }

    public void removePolicyScenario(String name) {
        policies.remove(name);
    }

    /** The trained recommenders in the order they were added. */
    public List<StoredRecommender> recommenders() {
        return List.copyOf(recommenders.values());
    }

    public Optional<StoredRecommender> recommender(String id) {
        return Optional.ofNullable(recommenders.get(id));
    }

    /** @throws IllegalArgumentException when the id is taken */
    public void addRecommender(StoredRecommender recommender) {
        if (recommenders.containsKey(recommender.id())) {
            throw new IllegalArgumentException("the project already has a recommender '" + recommender.id() + "'");
        }
        recommenders.put(recommender.id(), recommender);
    }

    /** Replaces the recommender with the same id (retrained or renamed), keeping its place. */
    public void replaceRecommender(StoredRecommender recommender) {
        if (!recommenders.containsKey(recommender.id())) {
            throw new IllegalArgumentException("the project has no recommender '" + recommender.id() + "'");
        }
        recommenders.put(recommender.id(), recommender);
    }

    public void removeRecommender(String id) {
        recommenders.remove(id);
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
                + datasets.size() + " datasets, " + scenarios.size() + " scenarios, " + recommenders.size()
                + " recommenders" + (scm == null ? "" : ", a fitted model") + "]";
    }
}
