package org.recausal.engine.recsys.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MSE and MAE of rating predictions. On a uniformly random (MCAR) test set the plain means are unbiased; on a
 * self-selected (MNAR) log, weighting each error by the inverse of its propensity gives the IPS estimate of
 * the mean over the whole user x item matrix (Schnabel et al. 2016, eq. 6) and dividing by the sum of the
 * weights instead gives the self-normalised (SNIPS) estimate.
 */
public final class RatingMetrics {
    private double squared;
    private double absolute;
    private int count;
    private double ipsSquared;
    private double ipsAbsolute;
    private double inverseSum;

    /** Adds one prediction error; {@code propensity} is NaN when unknown. */
    public void add(double predicted, double actual, double propensity) {
        double e = predicted - actual;
        squared += e * e;
        absolute += Math.abs(e);
        count++;
        if (!Double.isNaN(propensity)) {
            double w = 1 / propensity;
            ipsSquared += w * e * e;
            ipsAbsolute += w * Math.abs(e);
            inverseSum += w;
        }
    }

    public int count() {
        return count;
    }

    /** MSE and MAE; with propensities also IPS-MSE/MAE over {@code cells} matrix cells and SNIPS-MSE/MAE. */
    public Map<String, Double> values(long cells) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("MSE", squared / count);
        values.put("MAE", absolute / count);
        if (inverseSum > 0) {
            values.put("IPS-MSE", ipsSquared / cells);
            values.put("IPS-MAE", ipsAbsolute / cells);
            values.put("SNIPS-MSE", ipsSquared / inverseSum);
            values.put("SNIPS-MAE", ipsAbsolute / inverseSum);
        }
        return values;
    }
}
