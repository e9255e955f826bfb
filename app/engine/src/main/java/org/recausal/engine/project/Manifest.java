package org.recausal.engine.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json}: what the file is (format id and version), which Recausal wrote it, the project
 * name, and the list of parts with their kinds. Readers find parts through this list, never by guessing.
 */
record Manifest(String projectName, List<Part> parts) {

    /** A part of the file: its path in the archive and what it holds ({@code graph}, later {@code dataset}, ...). */
    record Part(String path, String kind) {
    }

    Manifest {
        parts = List.copyOf(parts);
    }

    ObjectNode toJson(String appVersion) {
        ObjectNode json = PartJson.object();
        json.put("format", ProjectFormat.FORMAT_ID);
        json.put("formatVersion", ProjectFormat.VERSION);
        json.put("appVersion", appVersion);
        json.put("name", projectName);
        ArrayNode list = json.putArray("parts");
        for (Part part : parts) {
            list.addObject().put("path", part.path()).put("kind", part.kind());
        }
        return json;
    }

    /** Checks the format id and returns the declared format version, before anything else is read. */
    static int formatVersion(ObjectNode json) throws ProjectFileException {
        String where = ProjectFormat.MANIFEST;
        String format = json.has("format") ? PartJson.text(json, "format", where) : "";
        if (!format.equals(ProjectFormat.FORMAT_ID)) {
            throw new ProjectFileException("is not a Recausal project (" + where + " has format "
                    + (format.isEmpty() ? "missing" : EntryName.quote(format)) + ", expected '"
                    + ProjectFormat.FORMAT_ID + "')");
        }
        int version = PartJson.integer(json, "formatVersion", where);
        if (version < 1) {
            throw new ProjectFileException(where + ": \"formatVersion\" must be 1 or more, found " + version);
        }
        return version;
    }

    /** The manifest of a file already brought to the current format version. */
    static Manifest fromJson(ObjectNode json) throws ProjectFileException {
        String where = ProjectFormat.MANIFEST;
        String name = PartJson.text(json, "name", where);
        if (name.isBlank()) {
            throw new ProjectFileException(where + ": the project \"name\" is blank");
        }
        ArrayNode list = PartJson.array(json, "parts", where);
        List<Part> parts = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = where + ": part " + (i + 1);
            ObjectNode entry = PartJson.element(list, i, at);
            String path = PartJson.text(entry, "path", at);
            String problem = EntryName.problem(path);
            if (problem != null) {
                throw new ProjectFileException(at + " " + EntryName.quote(path) + " " + problem);
            }
            if (!paths.add(path)) {
                throw new ProjectFileException(at + " lists " + EntryName.quote(path) + " a second time");
            }
            parts.add(new Part(path, PartJson.text(entry, "kind", at)));
        }
        return new Manifest(name, parts);
    }
}
