package org.recausal.engine.estimate;

/** A confidence interval [lower, upper] at a level such as 0.95. */
public record Interval(double lower, double upper, double level) {

    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "] (" + Math.round(level * 100) + "%)";
    }
}
