package org.recausal.engine.data;

/** The delimiter and header choice an import used, detected or given. */
public record Dialect(Delimiter delimiter, boolean header) {
}
