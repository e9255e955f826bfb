package org.recausal.engine.project;

/**
 * An embedded dataset's bytes to be written into a project file at {@code path}, checked against the fingerprint
 * taken when the dataset was attached.
 */
record ArchiveData(String path, DataBytes bytes, FileFingerprint fingerprint) {
}
