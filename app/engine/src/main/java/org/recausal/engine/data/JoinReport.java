package org.recausal.engine.data;

import java.util.List;

/**
 * How well the keys of one left join matched.
 *
 * @param unmatchedRows     left rows whose key is not in the right table (their right columns are missing)
 * @param unmatchedKeys     distinct such keys
 * @param unmatchedExamples the first few such keys, in the order met
 * @param missingKeyRows    left rows whose key itself is missing
 * @param unusedRightKeys   right rows no left row refers to (users without interactions, say)
 */
public record JoinReport(String leftTable, String leftKey, String rightTable, String rightKey, long unmatchedRows,
        long unmatchedKeys, List<String> unmatchedExamples, long missingKeyRows, long unusedRightKeys) {

    public JoinReport {
        unmatchedExamples = List.copyOf(unmatchedExamples);
    }

    public boolean allMatched() {
        return unmatchedRows == 0 && missingKeyRows == 0;
    }
}
