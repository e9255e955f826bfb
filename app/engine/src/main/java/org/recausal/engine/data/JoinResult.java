package org.recausal.engine.data;

import java.util.List;

/** A joined table and one report per join that built it. */
public record JoinResult(Table table, List<JoinReport> reports) {

    public JoinResult {
        reports = List.copyOf(reports);
    }
}
