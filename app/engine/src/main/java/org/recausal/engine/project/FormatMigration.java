package org.recausal.engine.project;

/** Rewrites the stored JSON of a project file from format version {@link #from()} to {@code from() + 1}. */
interface FormatMigration {
    int from();

    /** Rewrites {@code stored} in place; a problem is reported naming the part and what is wrong. */
    void migrate(StoredProject stored) throws ProjectFileException;
}
