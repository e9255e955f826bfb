package org.recausal.engine.data;

/** What an import does with a record that has a problem. */
public enum ProblemPolicy {
    /** Leave the whole record out of the table. */
    DROP_ROW,
    /** Keep the record; the troubled cells (and cells of absent fields) become missing values. */
    TREAT_AS_MISSING,
    /** Stop the import with a {@link DataImportException} naming the line and column. */
    STOP
}
