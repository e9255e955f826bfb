package org.recausal.engine.io;

/** Reads one interchange format into a new {@link org.recausal.engine.dag.Dag}; never touches an existing one. */
@FunctionalInterface
public interface GraphImporter {
    /** @throws GraphParseException naming line and column when the text is malformed or not a DAG */
    ImportResult read(String text);
}
