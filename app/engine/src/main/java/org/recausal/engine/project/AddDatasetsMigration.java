package org.recausal.engine.project;

/**
 * Format 1 to 2. Version 2 adds dataset parts (kind {@code dataset}) and embedded data under {@code data/}; a
 * version 1 file has neither, so its JSON is already valid version 2 and only the version number changes.
 */
final class AddDatasetsMigration implements FormatMigration {

    @Override
    public int from() {
        return 1;
    }

    @Override
    public void migrate(StoredProject stored) {
        // Nothing to rewrite: see the class comment.
    }
}
