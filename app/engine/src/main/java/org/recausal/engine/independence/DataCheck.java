package org.recausal.engine.independence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.recausal.engine.analysis.Independence;
import org.recausal.engine.analysis.TestableImplications;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.DataException;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.mapping.TypeConflict;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Checks a causal graph against data: every conditional independence the graph implies among the variables that
 * have data is tested with the test their types call for, and the p-values are adjusted for testing many.
 *
 * <p>Nodes without data are treated as latent when the implications are listed (DAGitty's testable implications
 * of the graph with those nodes unobserved), so every listed implication involves only measured variables. The
 * implications of the graph as drawn that need a node without data are reported as skipped, so the analyst sees
 * what the data cannot check; so are those whose variables have a type conflict, lie in tables that are not
 * joined, or that the data cannot test (too few rows, a constant variable...).
 */
public final class DataCheck {

    /** How the p-values of the list are adjusted before deciding which implications the data rejects. */
    public enum Adjustment {
        /** Holm's step-down method: the chance of any false rejection stays below alpha. */
        HOLM,
        /** Benjamini-Hochberg: the expected share of false rejections among rejections stays below alpha. */
        BENJAMINI_HOCHBERG,
        /** Each test at level alpha on its own. */
        NONE
    }

    /**
     * @param alpha     the level at which an implication is rejected
     * @param onePerPair test one implication (the nearest minimal separator) per pair instead of every minimal one
     * @param limit     at most this many implications are listed
     */
    public record Options(double alpha, Adjustment adjustment, boolean onePerPair, int limit) {
        public Options {
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must lie strictly between 0 and 1, not " + alpha);
            }
            Objects.requireNonNull(adjustment, "adjustment");
            if (limit < 1) {
                throw new IllegalArgumentException("the limit must be at least 1, not " + limit);
            }
        }

        public static Options defaults() {
            return new Options(0.05, Adjustment.HOLM, false, 1000);
        }
    }

    /** A tested implication with its p-value adjusted over the list, and whether the data rejects it. */
    public record Tested(Independence implication, String table, TestResult result, double pHolm, double pBH,
            boolean rejected) {
    }

    /** An implication that was not tested, and why. */
    public record Skipped(Independence implication, String reason) {
    }

    /**
     * @param truncated whether the listing of implications stopped at the limit
     */
    public record Report(List<Tested> tests, List<Skipped> skipped, Options options, boolean truncated) {
        public Report {
            tests = List.copyOf(tests);
            skipped = List.copyOf(skipped);
        }

        public long rejectedCount() {
            return tests.stream().filter(Tested::rejected).count();
        }
    }

    private DataCheck() {
    }

    public static Report run(Dag dag, MappedTable table, Options options) {
        return run(dag, List.of(table), options, ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * @param tables tables whose rows are not aligned with each other; an implication is tested in the first table
     *               that has data for all its variables
     */
    public static Report run(Dag dag, List<MappedTable> tables, Options options, ProgressListener progress,
            CancellationToken cancel) {
        Set<String> measured = new HashSet<>();
        tables.forEach(t -> t.mapping().links().forEach(l -> measured.add(l.node())));
        TestableImplications.Listing testable = listing(withoutDataAsLatent(dag, measured), options, cancel);
        List<Skipped> skipped = new ArrayList<>();
        Set<Independence> listed = new HashSet<>(testable.implications());
        for (Independence drawn : listing(dag, options, cancel).implications()) {
            Optional<String> missing = variables(drawn).stream().filter(v -> !measured.contains(v)).findFirst();
            if (missing.isPresent() && !listed.contains(drawn)) {
                skipped.add(new Skipped(drawn, "'" + missing.get() + "' has no data"));
            }
        }
        List<Independence> implications = testable.implications();
        List<Tested> raw = new ArrayList<>();
        for (int i = 0; i < implications.size(); i++) {
            Independence implication = implications.get(i);
            progress.progress((double) i / implications.size(), "Testing " + implication);
            cancel.throwIfCancelled();
            try {
                MappedTable table = tableFor(implication, tables);
                TestResult result = test(dag, implication, table, cancel);
                raw.add(new Tested(implication, table.name(), result, result.p(), result.p(), false));
            } catch (NotTestableException | DataException e) {
                skipped.add(new Skipped(implication, e.getMessage()));
            }
        }
        progress.progress(1, "Tested " + raw.size() + " implications");
        return new Report(adjust(raw, options), skipped, options, testable.truncated());
    }

    private static TestableImplications.Listing listing(Dag dag, Options options, CancellationToken cancel) {
        TestableImplications implications = new TestableImplications(dag);
        return options.onePerPair() ? implications.onePerPair(options.limit(), cancel)
                : implications.all(options.limit(), cancel);
    }

    /** The graph with every node that no column stands for made latent. */
    private static Dag withoutDataAsLatent(Dag dag, Set<String> measured) {
        Dag copy = dag.copy();
        for (Variable v : dag.variables()) {
            if (!measured.contains(v.name()) && !v.isLatent()) {
                copy.updateVariable(v.withRole(Role.LATENT));
            }
        }
        return copy;
    }

    private static List<String> variables(Independence implication) {
        List<String> all = new ArrayList<>();
        all.add(implication.x());
        all.add(implication.y());
        all.addAll(implication.given());
        return all;
    }

    private static MappedTable tableFor(Independence implication, List<MappedTable> tables) {
        List<String> variables = variables(implication);
        for (MappedTable table : tables) {
            if (variables.stream().allMatch(table.mapping()::hasData)) {
                return table;
            }
        }
        Map<String, String> where = new LinkedHashMap<>();
        for (String v : variables) {
            tables.stream().filter(t -> t.mapping().hasData(v)).findFirst().ifPresent(t -> where.put(v, t.name()));
        }
        throw new NotTestableException("its variables have data in tables that are not joined ("
                + String.join(", ", where.entrySet().stream().map(e -> e.getKey() + " in " + e.getValue()).toList())
                + ")");
    }

    private static TestResult test(Dag dag, Independence implication, MappedTable table, CancellationToken cancel) {
        TestVariable x = variable(dag, implication.x(), table);
        TestVariable y = variable(dag, implication.y(), table);
        List<TestVariable> given = new ArrayList<>();
        for (String z : implication.given()) {
            given.add(variable(dag, z, table));
        }
        return IndependenceTest.forVariables(x, y, given).test(x, y, given, cancel);
    }

    private static TestVariable variable(Dag dag, String node, MappedTable table) {
        Optional<TypeConflict> conflict = table.mapping().conflict(node);
        if (conflict.isPresent()) {
            throw new NotTestableException(conflict.get().message());
        }
        String column = table.mapping().column(node).orElseThrow();
        return TestVariables.of(node, table.table().column(column), dag.require(node).type());
    }

    private static List<Tested> adjust(List<Tested> raw, Options options) {
        double[] p = raw.stream().mapToDouble(t -> t.result().p()).toArray();
        double[] holm = PValueAdjustment.holm(p);
        double[] bh = PValueAdjustment.benjaminiHochberg(p);
        List<Tested> adjusted = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            double decisive = switch (options.adjustment()) {
                case HOLM -> holm[i];
                case BENJAMINI_HOCHBERG -> bh[i];
                case NONE -> p[i];
            };
            Tested t = raw.get(i);
            adjusted.add(new Tested(t.implication(), t.table(), t.result(), holm[i], bh[i], decisive < options.alpha()));
        }
        return adjusted;
    }
}
