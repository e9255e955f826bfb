package org.recausal.engine.project;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chain of migrations that brings a file written in an older format version up to the current one,
 * one version at a time. Files newer than the current version are refused: guessing at them could lose
 * what the newer version stored.
 */
final class FormatMigrations {
    /** The migrations of this build. Add one here, and a fixture under {@code fixtures/vN}, per version bump. */
    static final FormatMigrations STANDARD = new FormatMigrations(ProjectFormat.VERSION,
            List.of(new AddDatasetsMigration(), new AddAnalysisMigration(), new AddPolicyScenariosMigration()));

    private final int current;
    private final Map<Integer, FormatMigration> byFrom = new TreeMap<>();

    FormatMigrations(int current, List<FormatMigration> migrations) {
        this.current = current;
        for (FormatMigration migration : migrations) {
            if (migration.from() < 1 || migration.from() >= current) {
                throw new IllegalArgumentException("migration from version " + migration.from()
                        + " does not lead towards version " + current);
            }
            if (byFrom.putIfAbsent(migration.from(), migration) != null) {
                throw new IllegalArgumentException("two migrations from version " + migration.from());
            }
        }
        for (int version = oldestReadable(); version < current; version++) {
            if (!byFrom.containsKey(version)) {
                throw new IllegalArgumentException("no migration from version " + version + " to " + (version + 1));
            }
        }
    }

    int current() {
        return current;
    }

    /** The oldest format version that can still be brought up to date. */
    int oldestReadable() {
        return byFrom.isEmpty() ? current : byFrom.keySet().iterator().next();
    }

    /** Migrates {@code stored}, written in format {@code version}, to the current version. */
    void upgrade(int version, StoredProject stored) throws ProjectFileException {
        if (version > current) {
            throw new ProjectFileException("was made by a newer Recausal (format " + version
                    + "); this version reads up to " + current);
        }
        if (version < oldestReadable()) {
            throw new ProjectFileException("has format version " + version + ", which this Recausal cannot read"
                    + " (it reads formats " + oldestReadable() + " to " + current + ")");
        }
        for (int step = version; step < current; step++) {
            byFrom.get(step).migrate(stored);
            stored.manifest().put("formatVersion", step + 1);
        }
    }
}
