package org.recausal.engine.data;

/** Whether the first record holds column names; {@link #AUTO} lets the reader decide from a sample. */
public enum HeaderMode {
    AUTO,
    PRESENT,
    ABSENT
}
