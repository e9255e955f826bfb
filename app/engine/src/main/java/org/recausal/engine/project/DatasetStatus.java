package org.recausal.engine.project;

import java.util.List;

/**
 * Whether a dataset's data are where the project expects them, unchanged. A project whose referenced file moved
 * or changed still opens; the analyst is asked to relink it ({@link Datasets#relink}).
 *
 * @param expected the fingerprint the project holds
 * @param found    the fingerprint of the file found, or null when none was found
 * @param changes  what differs when {@link State#CHANGED} ("size ... instead of ...", "SHA-256 ..."), else empty
 * @param message  one line for the analyst
 */
public record DatasetStatus(String dataset, State state, FileFingerprint expected, FileFingerprint found,
        List<String> changes, String message) {

    /** The three things opening can find. */
    public enum State {
        /** The data are there, with the size and SHA-256 they were attached with. */
        OK,
        /** The referenced file is not there (moved, renamed, not copied along with the project). */
        MISSING,
        /** A file is there but its content differs from what was attached. */
        CHANGED
    }

    public DatasetStatus {
        changes = List.copyOf(changes);
    }

    public boolean ok() {
        return state == State.OK;
    }
}
