package org.recausal.engine.recsys.features;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.CategoricalColumn;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.NumericColumn;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.ResolvedMapping;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.data.TableInteractions;

/**
 * Which variables a recommender reads besides the history, and their values per user and per item.
 * <p>From a DAG ({@link #fromDag}): the observed ancestors of the recommender's decision, the variables with role
 * exposure (a score variable whose child is the exposure is such an ancestor, and being set per displayed row it
 * is skipped below). Latent ancestors and those no column stands for are skipped, with the reason.
 * <p>Either way, a variable is a user trait when its value is the same on every row of a user in the log's table
 * (the interactions joined to the users' and items' tables), else an item trait when the same on every row of an
 * item, else it is skipped: a row-level variable (a price after the day's discount, a session's device) is not
 * something the model can know of a user or an item ahead of the display. Missing values do not break constancy.
 * A variable is categorical when its column holds labels or the DAG says so, else numeric.
 */
public final class TraitSelection {

    private TraitSelection() {
    }

    /** A variable left out, and why. */
    public record Skipped(String name, String reason) {
    }

    /**
     * The traits chosen and those left out.
     * @param features the traits' encodings and values for the model's users and items; null when none is usable
     * @param skipped  variables considered and left out, in the DAG's (or the list's) order
     */
    public record Selection(SideFeatures features, List<Skipped> skipped) {
        public Selection {
            skipped = List.copyOf(skipped);
        }

        /** The names of the traits used, users' first. */
        public List<String> used() {
            return features == null ? List.of() : features.variables().stream().map(FeatureEncoding::name).toList();
        }
    }

    /** A variable and the table column holding its values. */
    private record Candidate(String name, String column, boolean categorical) {
    }

    /**
     * The observed ancestors of the graph's exposure that are user or item traits of {@code table}.
     * @param mapping which column stands for which node of {@code dag}
     * @throws RecsysException when the graph has no exposure variable
     */
    public static Selection fromDag(Dag dag, Table table, ResolvedMapping mapping, IdIndex users, IdIndex items) {
        return fromDag(dag, table, mapping, TableInteractions.userColumn(table).name(),
                TableInteractions.itemColumn(table).name(), users, items);
    }

    /** As {@link #fromDag(Dag, Table, ResolvedMapping, IdIndex, IdIndex)}, with the user and item columns named. */
    public static Selection fromDag(Dag dag, Table table, ResolvedMapping mapping, String userColumn, String itemColumn,
            IdIndex users, IdIndex items) {
        Set<String> ancestors = ancestors(dag, decisions(dag));
        List<Candidate> candidates = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Variable v : dag.variables()) {
            if (!ancestors.contains(v.name())) {
                continue;
            }
            Optional<String> column = mapping.column(v.name());
            if (v.role() == Role.LATENT) {
                skipped.add(new Skipped(v.name(), "latent: the data do not hold it"));
            } else if (column.isEmpty()) {
                skipped.add(new Skipped(v.name(), "no column of the data stands for it"));
            } else {
                candidates.add(new Candidate(v.name(), column.get(), categorical(table.column(column.get()), v.type())));
            }
        }
        return select(candidates, skipped, table, table.column(userColumn), table.column(itemColumn), users, items);
    }

    /**
     * A quick look before training, from the graph and the project's tables alone (matching variables to columns by
     * name): the observed ancestors of the exposure that some table holds, less the log's own columns that vary
     * within users and within items. Traits held in the users' and items' tables are kept here; {@link #fromDag}
     * checks them on the joined data when training starts.
     * @param log    the interaction log, with the user and item columns
     * @param tables every table of the project, the log's included
     */
    public static List<String> preview(Dag dag, Table log, String userColumn, String itemColumn, List<Table> tables) {
        if (dag.withRole(Role.EXPOSURE).isEmpty()) {
            return List.of();
        }
        Set<String> ancestors = ancestors(dag, decisions(dag));
        List<String> names = new ArrayList<>();
        for (Variable v : dag.variables()) {
            String name = v.name();
            boolean held = tables.stream().anyMatch(t -> t.hasColumn(name));
            boolean rowLevel = log.hasColumn(name) && firstRows(log.column(name), log.column(userColumn)) == null
                    && firstRows(log.column(name), log.column(itemColumn)) == null;
            if (ancestors.contains(name) && v.role() != Role.LATENT && held && !rowLevel) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> decisions(Dag dag) {
        List<String> decisions = dag.withRole(Role.EXPOSURE);
        if (decisions.isEmpty()) {
            throw new RecsysException("the graph has no exposure variable: give the recommender's decision (what was"
                    + " shown) the role exposure, so that the variables that feed it can be found");
        }
        return decisions;
    }

    /**
     * The named variables (the DAG's names, through {@code mapping}) or columns of {@code table}, each checked to be
     * a trait.
     * @param dag     the project's graph, or null for a table without one
     * @param mapping its mapping, or null
     * @throws RecsysException naming a variable or column the table does not hold
     */
    public static Selection explicit(List<String> names, Dag dag, Table table, ResolvedMapping mapping, IdIndex users,
            IdIndex items) {
        List<Candidate> candidates = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            Optional<String> mapped = mapping == null ? Optional.empty() : mapping.column(name);
            String column = mapped.orElse(name);
            if (!table.hasColumn(column)) {
                throw new RecsysException("'" + name + "' is neither a variable with data nor a column of '" + table.name()
                        + "' (its columns: " + String.join(", ", table.columnNames()) + ")");
            }
            DataType type = dag == null ? null : dag.variable(name).map(Variable::type).orElse(null);
            candidates.add(new Candidate(name, column, categorical(table.column(column), type)));
        }
        return select(candidates, new ArrayList<>(), table, TableInteractions.userColumn(table),
                TableInteractions.itemColumn(table), users, items);
    }

    private static boolean categorical(Column column, DataType type) {
        return column instanceof CategoricalColumn || !(column instanceof NumericColumn) || type == DataType.CATEGORICAL;
    }

    private static Set<String> ancestors(Dag dag, List<String> of) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(of);
        while (!queue.isEmpty()) {
            for (String parent : dag.parents(queue.poll())) {
                if (found.add(parent)) {
                    queue.add(parent);
                }
            }
        }
        found.removeAll(of);
        return found;
    }

    private static Selection select(List<Candidate> candidates, List<Skipped> skipped, Table table, Column userIds,
            Column itemIds, IdIndex users, IdIndex items) {
        List<FeatureEncoding> userEncodings = new ArrayList<>();
        List<FeatureEncoding> itemEncodings = new ArrayList<>();
        List<double[]> userValues = new ArrayList<>();
        List<double[]> itemValues = new ArrayList<>();
        for (Candidate c : candidates) {
            Column column = table.column(c.column());
            if (column == userIds || column == itemIds) {
                skipped.add(new Skipped(c.name(), "is the " + (column == userIds ? "user" : "item") + " id, which the"
                        + " model reads already"));
                continue;
            }
            int[] userRows = rowsPerEntity(column, userIds, users);
            int[] itemRows = userRows == null ? rowsPerEntity(column, itemIds, items) : null;
            if (userRows == null && itemRows == null) {
                skipped.add(new Skipped(c.name(), "varies within a user's rows and within an item's rows: a row-level"
                        + " variable, not a trait of the user or of the item"));
                continue;
            }
            FeatureEncoding.Side side = userRows != null ? FeatureEncoding.Side.USER : FeatureEncoding.Side.ITEM;
            int[] rows = userRows != null ? userRows : itemRows;
            try {
                FeatureEncoding encoding = encoding(c, column, side, rows);
                double[] observed = observed(encoding, column, rows);
                (side == FeatureEncoding.Side.USER ? userEncodings : itemEncodings).add(encoding);
                (side == FeatureEncoding.Side.USER ? userValues : itemValues).add(observed);
            } catch (RecsysException e) {
                skipped.add(new Skipped(c.name(), e.getMessage().replaceFirst("^'[^']*' ", "")));
            }
        }
        if (userEncodings.isEmpty() && itemEncodings.isEmpty()) {
            return new Selection(null, skipped);
        }
        return new Selection(new SideFeatures(userEncodings, itemEncodings, users.size(), items.size(),
                interleave(userValues, users.size()), interleave(itemValues, items.size())), skipped);
    }

    /**
     * For each of the model's users (or items), a row of the table holding its non-missing value, -1 when none
     * does; null when some user (item) has two different values.
     */
    private static int[] rowsPerEntity(Column column, Column ids, IdIndex index) {
        Map<String, Integer> first = firstRows(column, ids);
        if (first == null) {
            return null;
        }
        int[] rows = new int[index.size()];
        for (int e = 0; e < rows.length; e++) {
            rows[e] = first.getOrDefault(index.id(e), -1);
        }
        return rows;
    }

    /** Each id's first row with a value of {@code column}; null when an id has two different values. */
    private static Map<String, Integer> firstRows(Column column, Column ids) {
        Map<String, Integer> first = new HashMap<>();
        for (int r = 0; r < column.size(); r++) {
            if (ids.isMissing(r) || column.isMissing(r)) {
                continue;
            }
            Integer earlier = first.putIfAbsent(ids.text(r), r);
            if (earlier != null && !column.text(earlier).equals(column.text(r))) {
                return null;
            }
        }
        return first;
    }

    private static FeatureEncoding encoding(Candidate c, Column column, FeatureEncoding.Side side, int[] rows) {
        if (c.categorical()) {
            String[] labels = Arrays.stream(rows).mapToObj(r -> r < 0 ? null : column.text(r)).toArray(String[]::new);
            return FeatureEncoding.categorical(c.name(), side, labels);
        }
        NumericColumn numbers = (NumericColumn) column;
        return FeatureEncoding.numeric(c.name(), side, Arrays.stream(rows)
                .mapToDouble(r -> r < 0 ? Double.NaN : numbers.asDouble(r)).toArray());
    }

    private static double[] observed(FeatureEncoding encoding, Column column, int[] rows) {
        if (encoding.categorical()) {
            return Arrays.stream(rows).mapToDouble(r -> encoding.levelOf(r < 0 ? null : column.text(r))).toArray();
        }
        return Arrays.stream(rows).mapToDouble(r -> r < 0 ? Double.NaN : ((NumericColumn) column).asDouble(r)).toArray();
    }

    /** Per-variable value lists as one row-major [entities x variables] array. */
    private static double[] interleave(List<double[]> perVariable, int count) {
        int n = perVariable.size();
        double[] all = new double[count * n];
        for (int v = 0; v < n; v++) {
            for (int e = 0; e < count; e++) {
                all[e * n + v] = perVariable.get(v)[e];
            }
        }
        return all;
    }
}
