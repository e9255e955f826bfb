package org.recausal.engine.simulate;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

import org.recausal.engine.model.PortableMath;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.Mechanism;
import org.recausal.engine.scm.Observations;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.Seeds;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.task.CancellationToken;

/**
 * The recommender shop of {@link RecommenderWorld} with persistent users and items, as a recommender logs it: a
 * population of users and one of items, their traits drawn once from the world's equations, and a log of the
 * (user, item) pairs the ranking considered in each user's sessions. Recommenders learn from who interacted with
 * what; causal analyses read the same rows.
 *
 * <p>Users draw {@code user_tenure}, a general taste and {@code user_activity} (the sessions they open in the
 * log's 30 days) from the world's equations, with the taste in the place of {@code user_preference}. Items draw
 * {@code item_category}, {@code item_quality} and {@code item_popularity}. Each user and item also has a few
 * latent style factors; a pair's {@code user_preference} is {@code 0.6 taste + 0.8 match}, the match being the
 * scaled dot product of their styles, so it stays about standard normal while what a user likes depends on the
 * item. In each session the candidate generator considers {@link Settings#slate()} distinct items, drawn with
 * weights {@code exp(0.5 match) (1 + popularity)^0.2}; every other variable of a row follows its equation in the
 * world: the session's device and signed-in state once per session, an item's discount once per item and day,
 * its price noise once per item, the rest per row. The latent user preference still confounds exposure and the
 * outcomes, and adjusting for {@code recommender_score} still identifies exposure's effects.
 *
 * <p>True effects are for this log: the mean over its rows of the difference between two worlds that share every
 * random number (the populations, the sessions and the candidates stay as they are), averaged over several draws
 * of the per-row noise. The traits drawn with the populations are fixed, so interventions on them are refused.
 */
public final class RecommenderLog {

    /** Variables drawn with the populations; the log cannot intervene on them. */
    public static final Set<String> POPULATION_VARIABLES = Set.of("user_tenure", "user_preference", "user_activity",
            "item_category", "item_quality", "item_popularity");
    /** 2026-01-01T00:00:00Z, the start of the log, in epoch seconds. */
    public static final long START = 1_767_225_600L;

    private static final int STYLES = 8;
    private static final long USERS = 1;
    private static final long ITEMS = 2;
    private static final long STYLE = 3;
    private static final long SESSIONS = 4;
    private static final long CANDIDATES = 5;
    private static final long UNIT_NOISE = 6;
    private static final long ROW_NOISE = 7;

    /**
     * @param users  users in the population
     * @param items  items in the catalogue
     * @param days   days the log spans (a user's sessions fall on random days)
     * @param slate  candidates the ranking considers per session (the slate has as many slots as position has)
     * @param seed   the seed of everything
     */
    public record Settings(int users, int items, int days, int slate, long seed) {
        public Settings {
            if (users < 1 || items < 1 || days < 1 || slate < 1) {
                throw new IllegalArgumentException("users, items, days and slate must be at least 1");
            }
            if (slate > items) {
                throw new IllegalArgumentException("a session considers " + slate + " distinct items, but there are"
                        + " only " + items);
            }
        }

        /** The bundled sample's population: 2,000 users and 500 items over 30 days, 10 candidates per session. */
        public static Settings sample() {
            return new Settings(2_000, 500, 30, 10, 1);
        }
    }

    private final Settings settings;
    private final Observations users;
    private final Observations items;
    private final int[] rowUser;
    private final int[] rowItem;
    private final int[] rowSession;
    private final long[] rowTime;
    private final StructuralCausalModel model;

    private RecommenderLog(Settings settings, Observations users, Observations items, int[] rowUser, int[] rowItem,
            int[] rowSession, long[] rowTime, double[] preference, int[] rowDay) {
        this.settings = settings;
        this.users = users;
        this.items = items;
        this.rowUser = rowUser;
        this.rowItem = rowItem;
        this.rowSession = rowSession;
        this.rowTime = rowTime;
        this.model = logModel(preference, rowDay);
    }

    /** Draws the populations, the sessions and the candidates each session considers. */
    public static RecommenderLog generate(Settings settings) {
        StructuralCausalModel world = RecommenderWorld.model();
        Observations users = subModel(world, "user_tenure", "user_preference", "user_activity")
                .sample(settings.users(), Seeds.derive(settings.seed(), USERS));
        Observations items = subModel(world, "item_category", "item_quality", "item_popularity")
                .sample(settings.items(), Seeds.derive(settings.seed(), ITEMS));
        double[][] userStyle = styles(settings.users(), settings.seed(), USERS);
        double[][] itemStyle = styles(settings.items(), settings.seed(), ITEMS);

        List<long[]> sessions = sessions(settings, users.column("user_activity"));
        int rows = sessions.size() * settings.slate();
        int[] rowUser = new int[rows];
        int[] rowItem = new int[rows];
        int[] rowSession = new int[rows];
        int[] rowDay = new int[rows];
        long[] rowTime = new long[rows];
        double[] preference = new double[rows];
        double[] taste = users.column("user_preference");
        double[] popularity = items.column("item_popularity");
        double[] match = new double[settings.items()];
        int[] order = timeOrder(sessions, settings.slate());
        for (int s = 0; s < sessions.size(); s++) {
            long[] session = sessions.get(s);
            int user = (int) session[0];
            for (int i = 0; i < match.length; i++) {
                match[i] = match(userStyle[user], itemStyle[i]);
            }
            int[] chosen = candidates(match, popularity, settings.slate(),
                    Seeds.random(settings.seed(), CANDIDATES, s));
            for (int k = 0; k < chosen.length; k++) {
                int row = order[s * settings.slate() + k];
                rowUser[row] = user;
                rowItem[row] = chosen[k];
                rowSession[row] = s;
                rowTime[row] = session[1] + k;
                rowDay[row] = (int) ((session[1] - START) / 86_400);
                preference[row] = 0.6 * taste[user] + 0.8 * match[chosen[k]];
            }
        }
        return new RecommenderLog(settings, users, items, rowUser, rowItem, rowSession, rowTime, preference, rowDay);
    }

    private static StructuralCausalModel subModel(StructuralCausalModel world, String... names) {
        return new StructuralCausalModel(Arrays.stream(names).map(world::node).toList());
    }

    private static double[][] styles(int count, long seed, long population) {
        double[][] styles = new double[count][STYLES];
        for (int unit = 0; unit < count; unit++) {
            SplittableRandom random = Seeds.random(seed, STYLE, population, unit);
            for (int f = 0; f < STYLES; f++) {
                styles[unit][f] = Seeds.normal(random);
            }
        }
        return styles;
    }

    /** The scaled dot product of two style vectors: mean 0, variance 1. */
    private static double match(double[] user, double[] item) {
        double dot = 0;
        for (int f = 0; f < STYLES; f++) {
            dot += user[f] * item[f];
        }
        return dot / Math.sqrt(STYLES);
    }

    /** Each user's {@code user_activity} sessions at random times of the log, as (user, start) in order of start. */
    private static List<long[]> sessions(Settings settings, double[] activity) {
        List<long[]> sessions = new ArrayList<>();
        long seconds = settings.days() * 86_400L;
        for (int user = 0; user < activity.length; user++) {
            SplittableRandom random = Seeds.random(settings.seed(), SESSIONS, user);
            for (int s = 0; s < activity[user]; s++) {
                // A session's candidates are logged a second apart; keep them inside the log.
                sessions.add(new long[] {user, START + random.nextLong(seconds - settings.slate())});
            }
        }
        sessions.sort(Comparator.<long[]>comparingLong(s -> s[1]).thenComparingLong(s -> s[0]));
        return sessions;
    }

    /** Where each session's k-th candidate, logged at the session's start + k seconds, falls in time order. */
    private static int[] timeOrder(List<long[]> sessions, int slate) {
        int rows = sessions.size() * slate;
        Integer[] byTime = new Integer[rows];
        for (int r = 0; r < rows; r++) {
            byTime[r] = r;
        }
        Arrays.sort(byTime, Comparator.comparingLong((Integer r) -> sessions.get(r / slate)[1] + r % slate)
                .thenComparingInt(r -> r));
        int[] position = new int[rows];
        for (int at = 0; at < rows; at++) {
            position[byTime[at]] = at;
        }
        return position;
    }

    /**
     * {@code slate} distinct items drawn with weights {@code exp(0.5 match) (1 + popularity)^0.2}, by
     * Efraimidis-Spirakis keys (the largest {@code log(u) / weight} win), in the order drawn.
     */
    private static int[] candidates(double[] match, double[] popularity, int slate, RandomGenerator random) {
        double[] keys = new double[match.length];
        for (int i = 0; i < keys.length; i++) {
            double logWeight = 0.5 * match[i] + 0.2 * StrictMath.log1p(popularity[i]);
            keys[i] = PortableMath.log(random.nextDouble()) / PortableMath.exp(logWeight);
        }
        return IntStream.range(0, keys.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -keys[i]))
                .limit(slate).mapToInt(Integer::intValue).toArray();
    }

    /**
     * The world's model over the log's rows: population traits given per row, the session's and the item's
     * variables drawing their noise once per session, per item or per item and day, the rest per row.
     */
    private StructuralCausalModel logModel(double[] preference, int[] rowDay) {
        int rows = rowUser.length;
        int[] itemDay = new int[rows];
        for (int row = 0; row < rows; row++) {
            itemDay[row] = rowItem[row] * settings.days() + rowDay[row];
        }
        Map<String, int[]> unitOf = Map.of("device", rowSession, "logged_in", rowSession, "discount", itemDay,
                "item_price", rowItem);
        List<StructuralCausalModel.Node> nodes = new ArrayList<>();
        for (StructuralCausalModel.Node node : RecommenderWorld.model().nodes()) {
            String name = node.name();
            Mechanism mechanism;
            if (name.equals("user_preference")) {
                mechanism = new Given("the pair's preference: 0.6 taste + 0.8 style match", preference);
            } else if (POPULATION_VARIABLES.contains(name)) {
                boolean ofUser = name.startsWith("user_");
                mechanism = new Given("drawn with the " + (ofUser ? "user" : "item") + " population",
                        perRow(ofUser ? users.column(name) : items.column(name), ofUser ? rowUser : rowItem));
            } else if (unitOf.containsKey(name)) {
                mechanism = new UnitNoise(node.mechanism(), unitOf.get(name), Seeds.derive(settings.seed(),
                        UNIT_NOISE, nodes.size()));
            } else {
                mechanism = node.mechanism();
            }
            nodes.add(new StructuralCausalModel.Node(name, node.scale(), mechanism));
        }
        return new StructuralCausalModel(nodes);
    }

    private static double[] perRow(double[] perUnit, int[] unitOfRow) {
        double[] values = new double[unitOfRow.length];
        for (int row = 0; row < values.length; row++) {
            values[row] = perUnit[unitOfRow[row]];
        }
        return values;
    }

    public Settings settings() {
        return settings;
    }

    public int rows() {
        return rowUser.length;
    }

    /** The users: {@code user_tenure}, the general taste (as {@code user_preference}) and {@code user_activity}. */
    public Observations users() {
        return users;
    }

    /** The items: {@code item_category}, {@code item_quality} and {@code item_popularity}. */
    public Observations items() {
        return items;
    }

    /** The model over the log's rows (its population variables are given, not drawn). */
    public StructuralCausalModel model() {
        return model;
    }

    /** The log as it happened: every variable of every row, latent ones included. */
    public Observations observed() {
        return sample(List.of(), 0);
    }

    /**
     * The log under interventions, with the per-row noise of replicate {@code replicate} (replicate 0 is the log as
     * it happened).
     *
     * @throws ScmException when an intervention is on a variable drawn with the populations
     */
    public Observations sample(List<Intervention> interventions, int replicate) {
        for (Intervention intervention : interventions) {
            if (POPULATION_VARIABLES.contains(intervention.node())) {
                throw new ScmException("cannot intervene on " + intervention.node() + " in the log: it was drawn with"
                        + " the " + (intervention.node().startsWith("user_") ? "user" : "item") + " population");
            }
        }
        return model.sample(interventions, rows(), Seeds.derive(settings.seed(), ROW_NOISE, replicate),
                CancellationToken.none());
    }

    /**
     * The effect on the log's rows: E[outcome | do(treated)] - E[outcome | do(control)] averaged over its rows and
     * over {@code replicates} draws of the per-row noise, with its Monte Carlo standard error.
     */
    public RecommenderWorld.TrueEffect trueEffect(String outcome, List<Intervention> treated,
            List<Intervention> control, int replicates) {
        RecommenderWorld.Differences differences = new RecommenderWorld.Differences();
        for (int r = 0; r < replicates; r++) {
            differences.add(sample(treated, r).column(outcome), sample(control, r).column(outcome));
        }
        return differences.effect();
    }

    /**
     * An effect whose true value on the log is known.
     *
     * @param question what it answers, in words
     * @param outcome  the outcome variable
     * @param treated  the interventions of the world compared ...
     * @param control  ... with this one (empty: the world as it is)
     */
    public record KnownEffect(String question, String outcome, List<Intervention> treated,
            List<Intervention> control, RecommenderWorld.TrueEffect truth) {
    }

    /** The popularity penalty the sample's notes evaluate: show items less the more popular they are. */
    public static final String POPULARITY_PENALTY =
            "sigmoid(1.5 * (recommender_score - 1.8) - 0.5 * log(1 + item_popularity))";

    /**
     * The effects the sample project documents: exposure on clicks and purchases, a popularity penalty on both, and
     * a discount on the price, each averaged over {@code replicates} draws of the per-row noise.
     */
    public List<KnownEffect> knownEffects(int replicates) {
        List<Intervention> shown = List.of(Intervention.parse("exposure=1"));
        List<Intervention> hidden = List.of(Intervention.parse("exposure=0"));
        List<Intervention> penalty = List.of(Intervention.parse("exposure:=bernoulli(" + POPULARITY_PENALTY + ")"));
        List<Intervention> discounted = List.of(Intervention.parse("discount=1"));
        List<Intervention> fullPrice = List.of(Intervention.parse("discount=0"));
        List<KnownEffect> effects = new ArrayList<>();
        for (String outcome : List.of("click", "purchase")) {
            effects.add(known("average effect of showing an item on " + outcome, outcome, shown, hidden, replicates));
        }
        for (String outcome : List.of("click", "purchase")) {
            effects.add(known("popularity penalty on " + outcome + ", against the shop as it is", outcome, penalty,
                    List.of(), replicates));
        }
        effects.add(known("average effect of a discount on the price", "item_price", discounted, fullPrice,
                replicates));
        return effects;
    }

    private KnownEffect known(String question, String outcome, List<Intervention> treated,
            List<Intervention> control, int replicates) {
        return new KnownEffect(question, outcome, treated, control, trueEffect(outcome, treated, control, replicates));
    }

    /**
     * Writes the log as an analyst gets it, latent variables left out: {@code interactions.csv} (one row per
     * considered pair, oldest first: user_id, item_id, session_id, timestamp, the per-row variables and the true
     * {@code exposure_propensity}), {@code users.csv} and {@code items.csv} (ids and observed traits). Scores and
     * propensities are written to 4 decimals.
     */
    public void writeCsv(Path folder) throws IOException {
        Observations log = observed();
        double[] score = log.column("recommender_score");
        try (Writer out = Files.newBufferedWriter(folder.resolve("interactions.csv"), StandardCharsets.UTF_8)) {
            List<String> variables = List.of("device", "discount", "item_price", "recommender_score", "exposure",
                    "position", "click", "purchase", "rating", "logged_in");
            out.write("user_id,item_id,session_id,timestamp," + String.join(",", variables) + ",exposure_propensity\n");
            StringBuilder line = new StringBuilder();
            for (int row = 0; row < rows(); row++) {
                line.setLength(0);
                line.append(userId(rowUser[row])).append(',').append(itemId(rowItem[row])).append(",s")
                        .append(rowSession[row] + 1).append(',').append(rowTime[row]);
                for (String variable : variables) {
                    line.append(',').append(text(log, variable, row));
                }
                line.append(',').append(fourDecimals(RecommenderWorld.exposureProbability(score[row]))).append('\n');
                out.append(line);
            }
        }
        writeTable(folder.resolve("users.csv"), "user_id", users, List.of("user_tenure", "user_activity"));
        writeTable(folder.resolve("items.csv"), "item_id", items, List.of("item_category", "item_popularity"));
    }

    private static void writeTable(Path file, String key, Observations table, List<String> columns)
            throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(key + "," + String.join(",", columns) + "\n");
            for (int row = 0; row < table.rows(); row++) {
                out.write(key.equals("user_id") ? userId(row) : itemId(row));
                for (String column : columns) {
                    out.write("," + text(table, column, row));
                }
                out.write('\n');
            }
        }
    }

    private static String text(Observations data, String name, int row) {
        double v = data.value(name, row);
        if (data.scale(name).isDiscrete()) {
            return data.text(name, row);
        }
        if (name.equals("recommender_score")) {
            return fourDecimals(v);
        }
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String fourDecimals(double v) {
        return Double.toString(Math.round(v * 1e4) / 1e4);
    }

    /** The id of the {@code index}-th user (0-based): u1, u2, ... */
    public static String userId(int index) {
        return "u" + (index + 1);
    }

    /** The id of the {@code index}-th item (0-based): i1, i2, ... */
    public static String itemId(int index) {
        return "i" + (index + 1);
    }

    /** A variable whose values per row are given: a population trait looked up for the row's user or item. */
    private record Given(String description, double[] values) implements Mechanism {
        @Override
        public List<String> parents() {
            return List.of();
        }

        @Override
        public void draw(double[][] parents, int from, int to, RandomGenerator random, double[] out) {
            System.arraycopy(values, from, out, from, to - from);
        }
    }

    /**
     * A world mechanism whose noise belongs to a unit (a session, an item, an item on a day) rather than to a row,
     * so rows of one unit draw the same noise and, with the same parents, the same value.
     */
    private record UnitNoise(Mechanism world, int[] unitOfRow, long seed) implements Mechanism {
        @Override
        public List<String> parents() {
            return world.parents();
        }

        @Override
        public void draw(double[][] parents, int from, int to, RandomGenerator random, double[] out) {
            for (int row = from; row < to; row++) {
                world.draw(parents, row, row + 1, Seeds.random(seed, unitOfRow[row]), out);
            }
        }

        @Override
        public String description() {
            return world.description() + ", noise per unit";
        }
    }
}
