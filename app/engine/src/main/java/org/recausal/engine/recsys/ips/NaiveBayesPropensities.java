package org.recausal.engine.recsys.ips;

import java.util.Map;
import java.util.TreeMap;

import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.Interactions;

/**
 * Propensities that depend only on the rating value, estimated by Bayes' rule as in Schnabel et al. (2016,
 * section 5.1): P(O=1 | Y=r) = P(Y=r | O=1) P(O=1) / P(Y=r), with P(Y=r | O=1) from the self-selected log,
 * P(O=1) the log's share of all user-item pairs, and P(Y=r) from a small uniformly random (MCAR) sample.
 * Counts get add-one smoothing so that a value missing from the sample cannot give an infinite weight.
 */
public final class NaiveBayesPropensities implements PropensityModel {
    private final Map<Float, Double> byValue;

    private NaiveBayesPropensities(Map<Float, Double> byValue) {
        this.byValue = byValue;
    }

    /**
     * @param log      the self-selected ratings
     * @param mcar     ratings of uniformly random user-item pairs
     * @param cells    users x items: the pairs the log could have held
     */
    public static NaiveBayesPropensities fit(Interactions log, Interactions mcar, long cells) {
        if (mcar.size() == 0) {
            throw new RecsysException("Naive-Bayes propensities need a uniformly random sample of ratings; it is empty");
        }
        Map<Float, Integer> logCounts = counts(log);
        Map<Float, Integer> mcarCounts = counts(mcar);
        TreeMap<Float, Integer> values = new TreeMap<>(logCounts);
        mcarCounts.keySet().forEach(v -> values.putIfAbsent(v, 0));
        int levels = values.size();
        double observed = log.size() / (double) cells;
        Map<Float, Double> byValue = new TreeMap<>();
        for (Float v : values.keySet()) {
            double givenObserved = (logCounts.getOrDefault(v, 0) + 1.0) / (log.size() + levels);
            double marginal = (mcarCounts.getOrDefault(v, 0) + 1.0) / (mcar.size() + levels);
            byValue.put(v, Math.min(1.0, givenObserved * observed / marginal));
        }
        return new NaiveBayesPropensities(byValue);
    }

    private static Map<Float, Integer> counts(Interactions log) {
        Map<Float, Integer> counts = new TreeMap<>();
        for (int r = 0; r < log.size(); r++) {
            counts.merge(log.value(r), 1, Integer::sum);
        }
        return counts;
    }

    @Override
    public double propensity(int user, int item, float value) {
        Double p = byValue.get(value);
        if (p == null) {
            throw new RecsysException("no Naive-Bayes propensity for the rating " + value + " (values seen: " + byValue.keySet() + ")");
        }
        return p;
    }

    /** The propensity of each rating value. */
    public Map<Float, Double> byValue() {
        return Map.copyOf(byValue);
    }

    @Override
    public String description() {
        return "Naive-Bayes propensities by rating value " + byValue;
    }
}
