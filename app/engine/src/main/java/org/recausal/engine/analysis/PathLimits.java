package org.recausal.engine.analysis;

import java.time.Duration;

/** Bounds on path enumeration, which is exponential in the worst case. */
public record PathLimits(int maxPaths, Duration timeLimit) {

    public static final PathLimits DEFAULT = new PathLimits(1_000, Duration.ofSeconds(2));

    public PathLimits {
        if (maxPaths < 1) {
            throw new IllegalArgumentException("maxPaths must be at least 1, not " + maxPaths);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, not " + timeLimit);
        }
    }
}
