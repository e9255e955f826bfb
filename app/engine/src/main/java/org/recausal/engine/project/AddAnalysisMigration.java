package org.recausal.engine.project;

/**
 * Format 2 to 3. Version 3 adds the analyst's work: notes, the fitted structural causal model, scenarios and their
 * results, and trained recommenders, each as new parts; a version 2 file has none of them, so only the version
 * number changes.
 */
final class AddAnalysisMigration implements FormatMigration {

    @Override
    public int from() {
        return 2;
    }

    @Override
    public void migrate(StoredProject stored) {
        // Nothing to rewrite: see the class comment.
    }
}
