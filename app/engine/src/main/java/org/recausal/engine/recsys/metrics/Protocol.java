package org.recausal.engine.recsys.metrics;

import java.util.Locale;

import org.recausal.engine.recsys.RecsysException;

/** How the held-out item is ranked: against 100 sampled items the user has not consumed (SASRec's protocol), or against all of them. */
public enum Protocol {
    SAMPLED100("sampled100"),
    FULL("full");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Protocol of(String label) {
        for (Protocol p : values()) {
            if (p.label.equals(label.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new RecsysException("unknown protocol '" + label + "' (sampled100 or full)");
    }
}
