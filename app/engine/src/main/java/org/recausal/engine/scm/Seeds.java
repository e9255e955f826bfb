package org.recausal.engine.scm;

import java.util.SplittableRandom;

/**
 * Derives independent seeds from one seed and a few keys (node, chunk, replicate, ...), so that each piece of a
 * parallel computation draws its own reproducible stream whatever thread runs it, on every machine.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A seed for the stream named by {@code keys} under {@code seed}: SplitMix64 finalisers chained over the keys. */
    public static long derive(long seed, long... keys) {
        long h = mix(seed ^ 0x243F6A8885A308D3L);
        for (long key : keys) {
            h = mix(h + 0x9E3779B97F4A7C15L * (key + 1));
        }
        return h;
    }

    /** A random stream for {@code keys} under {@code seed}. */
    public static SplittableRandom random(long seed, long... keys) {
        return new SplittableRandom(derive(seed, keys));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
