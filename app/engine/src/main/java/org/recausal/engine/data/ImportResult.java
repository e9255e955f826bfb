package org.recausal.engine.data;

/** The table an import built and the report of how it went. */
public record ImportResult(Table table, ImportReport report) {
}
