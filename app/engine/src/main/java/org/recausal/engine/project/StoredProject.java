package org.recausal.engine.project;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of a project file as stored, before it is turned into a {@link Project}: the manifest and
 * the JSON parts by path. Migrations rewrite this form, so they never depend on today's classes.
 */
final class StoredProject {
    private final ObjectNode manifest;
    private final Map<String, ObjectNode> parts;

    StoredProject(ObjectNode manifest, Map<String, ObjectNode> parts) {
        this.manifest = manifest;
        this.parts = new LinkedHashMap<>(parts);
    }

    ObjectNode manifest() {
        return manifest;
    }

    /** The JSON parts by path inside the archive; migrations may add, replace or remove entries. */
    Map<String, ObjectNode> parts() {
        return parts;
    }
}
