package org.recausal.engine.project;

/**
 * Format 3 to 4. Version 4 adds the policy scenarios and their last results as a new part ({@code policies.json});
 * a version 3 file has none, so only the version number changes. The bump makes a version 3 reader refuse a version 4
 * file as newer ("made by a newer Recausal") rather than as damaged (a part kind it does not know).
 */
final class AddPolicyScenariosMigration implements FormatMigration {

    @Override
    public int from() {
        return 3;
    }

    @Override
    public void migrate(StoredProject stored) {
        // Nothing to rewrite: see the class comment.
    }
}
