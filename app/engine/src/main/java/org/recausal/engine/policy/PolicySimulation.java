package org.recausal.engine.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.estimate.Bootstrap;
import org.recausal.engine.estimate.Interval;
import org.recausal.engine.policy.PolicyResult.Estimate;
import org.recausal.engine.policy.PolicyResult.MetricEffect;
import org.recausal.engine.scm.FittedScm;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.ScmFitter;
import org.recausal.engine.scm.Seeds;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Simulates a recommendation policy against the current one over the logged rows: fits the mechanisms the
 * {@link PolicyGraph} calls for, simulates both worlds from the same noise, and measures the {@link PolicyMetrics};
 * bootstrap replicates refit every mechanism to resampled rows and simulate again, so the intervals include the
 * uncertainty of the fit. Where the log has exposure propensities, the off-policy estimators are set beside the
 * simulation of the policy's exposure decisions.
 */
public final class PolicySimulation {

    private PolicySimulation() {
    }

    /**
     * @throws ScmException when the graph, the data or the setup do not allow the simulation, saying why
     * @throws org.recausal.engine.task.CancelledException when cancelled
     */
    public static PolicyResult run(Dag dag, PolicyData data, PolicyRequest request, ProgressListener progress,
            CancellationToken cancel) {
        RankingSetup setup = request.setup();
        Policy policy = request.policy();
        Observations rows = data.rows();
        String target = policy.actsOnScore() ? setup.score() : setup.exposure();
        PolicyGraph graph = PolicyGraph.of(dag, target);
        for (String name : tracked(setup)) {
            if (!rows.has(name)) {
                throw new ScmException("the policy's metrics read " + name + ", which the data do not have");
            }
            if (!rows.scale(name).isNumeric() && rows.scale(name).levelCount() != 2) {
                throw new ScmException(name + " is " + rows.scale(name) + "; exposure and outcomes must be binary or"
                        + " numeric");
            }
        }
        List<String> notes = new ArrayList<>();
        PolicyMetrics metrics = new PolicyMetrics(setup, data, graph, notes);
        boolean offPolicy = data.propensities() != null;
        if (!offPolicy) {
            notes.add("no off-policy estimates: the log has no exposure propensities");
        }
        progress.progress(0, "Fitting " + graph.downstream().size() + " mechanisms below " + target);
        FittedScm fitted = ScmFitter.fit(graph.modelDag(dag), rows, request.fit(), ProgressListener.NONE, cancel);
        Worlds worlds = new Worlds(graph, setup, policy, data, metrics, request.draws(), offPolicy);
        double[] ones = new double[rows.rows()];
        Arrays.fill(ones, 1);
        progress.progress(0.2, "Simulating " + request.draws() + " draws per logged row");
        Run point = worlds.run(fitted.model(), ones, request.seed(), true, cancel);
        int replicates = request.replicates();
        Run[] boot = new Run[replicates];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, replicates).parallel().forEach(r -> {
            cancel.throwIfCancelled();
            long seed = Seeds.derive(request.seed(), r, 17);
            double[] weights = Bootstrap.weights(rows.rows(), seed, 0);
            StructuralCausalModel refitted = ScmFitter.refit(fitted, rows, weights, seed);
            boot[r] = worlds.run(refitted, weights, Seeds.derive(seed, 1), false, cancel);
            progress.progress(0.2 + 0.8 * done.incrementAndGet() / replicates,
                    "Bootstrap replicate " + done.get() + " of " + replicates);
        });
        cancel.throwIfCancelled();
        double level = request.level();
        List<MetricEffect> effects = new ArrayList<>();
        List<PolicyMetrics.Definition> definitions = metrics.definitions();
        for (int k = 0; k < definitions.size(); k++) {
            int m = k;
            PolicyMetrics.Definition definition = definitions.get(k);
            effects.add(new MetricEffect(definition.metric(), definition.group(), definition.label(),
                    estimate(point.current()[m], boot, b -> b.current()[m], level),
                    estimate(point.policy()[m], boot, b -> b.policy()[m], level),
                    estimate(point.policy()[m] - point.current()[m], boot, b -> b.policy()[m] - b.current()[m],
                            level)));
        }
        PolicyResult.OffPolicy off = offPolicy ? offPolicy(setup, data, point, boot, level, notes) : null;
        return new PolicyResult(policy.text(), policy.definition(), effects, point.uplifts(), off, notes,
                rows.rows(), request.draws(), replicates, level, request.seed());
    }

    static List<String> tracked(RankingSetup setup) {
        List<String> tracked = new ArrayList<>();
        tracked.add(setup.exposure());
        setup.outcomes().stream().filter(o -> !tracked.contains(o)).forEach(tracked::add);
        return tracked;
    }

    private static Estimate estimate(double value, Run[] boot, java.util.function.ToDoubleFunction<Run> replicate,
            double level) {
        double[] values = Arrays.stream(boot).mapToDouble(replicate).toArray();
        return new Estimate(value, Bootstrap.percentile(values, level));
    }

    private static PolicyResult.OffPolicy offPolicy(RankingSetup setup, PolicyData data, Run point, Run[] boot,
            double level, List<String> notes) {
        Observations rows = data.rows();
        double[] action = rows.column(setup.exposure());
        double[] w = OffPolicyEstimators.weights(action, data.propensities(), point.policyPropensity());
        List<PolicyResult.OffPolicyOutcome> outcomes = new ArrayList<>();
        for (int o = 0; o < setup.outcomes().size(); o++) {
            int at = o;
            String outcome = setup.outcomes().get(o);
            double[] y = rows.column(outcome);
            Estimate simulated = estimate(point.exposureOnly()[o], boot, b -> b.exposureOnly()[at], level);
            List<PolicyResult.Estimator> estimators = OffPolicyEstimators.estimate(y, action,
                    point.policyPropensity(), w, point.outcomeModel()[o][0], point.outcomeModel()[o][1], simulated,
                    level);
            for (PolicyResult.Estimator estimator : estimators) {
                if (estimator.disagrees()) {
                    Interval ci = estimator.difference().ci();
                    notes.add(String.format(java.util.Locale.ROOT, "%s and the simulation disagree on %s beyond their"
                            + " intervals: %+.4f [%.4f, %.4f] against %+.4f [%.4f, %.4f]; the graph, the fitted"
                            + " mechanisms or the logged propensities may be wrong", estimator.name(), outcome,
                            estimator.difference().value(), ci.lower(), ci.upper(), simulated.value(),
                            simulated.ci().lower(), simulated.ci().upper()));
                }
            }
            outcomes.add(new PolicyResult.OffPolicyOutcome(outcome, OffPolicyEstimators.mean(y), simulated,
                    estimators));
        }
        return new PolicyResult.OffPolicy(outcomes, OffPolicyEstimators.effectiveSampleSize(w),
                Arrays.stream(w).max().orElse(Double.NaN));
    }

    /**
     * One run's figures: the metrics in both worlds, the outcome changes under the policy's exposure decisions
     * alone; for the point run also the per-row uplifts, the policy's exposure probabilities and the outcome
     * model under each exposure decision.
     *
     * @param outcomeModel [outcome][a][row]: E[outcome | do(exposure = a), context]
     */
    record Run(double[] current, double[] policy, double[] exposureOnly, PolicyResult.Uplifts uplifts,
            double[] policyPropensity, double[][][] outcomeModel) {
    }

    /** The worlds a run simulates, and how their draws become figures. */
    private record Worlds(PolicyGraph graph, RankingSetup setup, Policy policy, PolicyData data,
            PolicyMetrics metrics, int draws, boolean offPolicy) {

        Run run(StructuralCausalModel model, double[] weights, long seed, boolean detailed, CancellationToken cancel) {
            Observations rows = data.rows();
            int n = rows.rows();
            RowSimulator simulator = new RowSimulator(model, graph, rows);
            ServedTarget served = new ServedTarget(policy, setup, graph, model, data);
            List<String> tracked = tracked(setup);
            List<String> outcomes = setup.outcomes();
            Set<String> readers = Set.copyOf(graph.downstream().stream().filter(graph::readsPolicyTarget).toList());
            boolean exposureIsTarget = setup.exposure().equals(graph.target());
            Set<String> exposureReaders = exposureIsTarget ? readers : Set.of(setup.exposure());
            int width = metrics.definitions().size();
            double[] current = new double[width];
            double[] changed = new double[width];
            double[] exposureOnly = new double[outcomes.size()];
            double[][] uplift = new double[outcomes.size()][detailed ? n : 0];
            double[] currentExposure = new double[detailed ? n : 0];
            double[] policyExposure = new double[detailed ? n : 0];
            double[] propensity = new double[detailed && offPolicy ? n : 0];
            double[][][] outcomeModel = new double[outcomes.size()][2][detailed && offPolicy ? n : 0];
            RowSimulator.World now = simulator.current();
            for (int d = 0; d < draws; d++) {
                cancel.throwIfCancelled();
                long drawSeed = Seeds.derive(seed, d);
                RowSimulator.World next = new RowSimulator.World(served.draw(Seeds.derive(drawSeed, 1)), readers,
                        Map.of());
                RowSimulator.Simulation before = simulator.simulate(now, tracked, drawSeed);
                RowSimulator.Simulation after = simulator.simulate(next, tracked, drawSeed);
                addTo(current, metrics.compute(before.expected(), weights), 1);
                addTo(changed, metrics.compute(after.expected(), weights), 1);
                if (detailed) {
                    addTo(currentExposure, before.expected().get(setup.exposure()), 1);
                    addTo(policyExposure, after.expected().get(setup.exposure()), 1);
                    for (int o = 0; o < outcomes.size(); o++) {
                        addTo(uplift[o], after.expected().get(outcomes.get(o)), 1);
                        addTo(uplift[o], before.expected().get(outcomes.get(o)), -1);
                    }
                }
                if (offPolicy) {
                    RowSimulator.Simulation decisions = simulator.simulate(new RowSimulator.World(next.target(),
                            exposureReaders, Map.of()), tracked, drawSeed);
                    for (int o = 0; o < outcomes.size(); o++) {
                        exposureOnly[o] += PolicyMetrics.weightedMean(decisions.expected().get(outcomes.get(o)),
                                weights) - PolicyMetrics.weightedMean(before.expected().get(outcomes.get(o)), weights);
                    }
                    if (detailed) {
                        addTo(propensity, decisions.expected().get(setup.exposure()), 1);
                        for (int a = 0; a <= 1; a++) {
                            RowSimulator.Simulation fixed = simulator.simulate(fixedExposure(a, readers, n),
                                    tracked, drawSeed);
                            for (int o = 0; o < outcomes.size(); o++) {
                                addTo(outcomeModel[o][a], fixed.expected().get(outcomes.get(o)), 1);
                            }
                        }
                    }
                }
            }
            scale(current, draws);
            scale(changed, draws);
            scale(exposureOnly, draws);
            PolicyResult.Uplifts uplifts = null;
            if (detailed) {
                scale(currentExposure, draws);
                scale(policyExposure, draws);
                Arrays.stream(uplift).forEach(u -> scale(u, draws));
                uplifts = new PolicyResult.Uplifts(outcomes, currentExposure, policyExposure, uplift,
                        perUser(data.users(), uplift));
                if (offPolicy) {
                    scale(propensity, draws);
                    if (served.keep() != null) {
                        // A cap thins the logged decisions: its probability of exposure is the logged one kept.
                        for (int i = 0; i < n; i++) {
                            propensity[i] = data.propensities()[i] * served.keep()[i];
                        }
                    }
                    Arrays.stream(outcomeModel).flatMap(Arrays::stream).forEach(q -> scale(q, draws));
                }
            }
            return new Run(current, changed, exposureOnly, uplifts, propensity, outcomeModel);
        }

        /** The world with every row's exposure decision set to {@code a}, everything else as now. */
        private RowSimulator.World fixedExposure(int a, Set<String> readers, int n) {
            if (setup.exposure().equals(graph.target())) {
                double[] constant = new double[n];
                Arrays.fill(constant, a);
                return new RowSimulator.World(constant, readers, Map.of());
            }
            return new RowSimulator.World(data.rows().column(graph.target()), Set.of(),
                    Map.of(setup.exposure(), (double) a));
        }
    }

    private static List<PolicyResult.UserUplift> perUser(String[] users, double[][] uplift) {
        if (users == null) {
            return List.of();
        }
        Map<String, double[]> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < users.length; i++) {
            double[] sum = sums.computeIfAbsent(users[i], k -> new double[uplift.length]);
            for (int o = 0; o < uplift.length; o++) {
                sum[o] += uplift[o][i];
            }
            counts.merge(users[i], 1, Integer::sum);
        }
        return sums.entrySet().stream().map(e -> new PolicyResult.UserUplift(e.getKey(), counts.get(e.getKey()),
                e.getValue())).toList();
    }

    private static void addTo(double[] sum, double[] values, double sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * values[i];
        }
    }

    private static void scale(double[] values, int draws) {
        for (int i = 0; i < values.length; i++) {
            values[i] /= draws;
        }
    }
}
