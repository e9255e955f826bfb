package org.recausal.engine.project;

/** One entry of a project zip: its path inside the archive and its bytes. */
record ArchivePart(String path, byte[] bytes) {
}
