package org.recausal.engine.recsys.mf;

import java.util.Locale;

import org.recausal.engine.recsys.RecsysException;

/** How observed ratings are weighted in the loss: equally (naive), by inverse propensity (IPS), or self-normalised (SNIPS). */
public enum Weighting {
    NAIVE,
    IPS,
    SNIPS;

    public static Weighting of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RecsysException("unknown weighting '" + name + "' (naive, ips or snips)");
        }
    }
}
