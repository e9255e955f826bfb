package org.recausal.engine.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.Delimiter;
import org.recausal.engine.data.HeaderMode;
import org.recausal.engine.data.ImportOptions;
import org.recausal.engine.data.ProblemKind;
import org.recausal.engine.data.ProblemPolicy;
import org.recausal.engine.mapping.ColumnInfo;
import org.recausal.engine.mapping.ColumnMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a dataset, stored as {@code datasets/<id>.json} (kind {@code dataset}); see
 * {@code docs/project-format.md}. Reading checks everything a hand-edited or hostile file could get wrong and
 * names the part and field.
 */
final class DatasetJson {

    static final String EMBEDDED = "embedded";
    static final String REFERENCE = "reference";
    private static final Pattern EXTENSION = Pattern.compile("(\\.[A-Za-z0-9]{1,8}){1,2}$");

    private DatasetJson() {
    }

    /** The part holding the dataset's JSON. */
    static String partPath(String id) {
        return ProjectFormat.DATASETS_FOLDER + id + ".json";
    }

    /** The entry holding an embedded dataset's bytes: {@code data/<id>} plus the file's extensions. */
    static String entryPath(Dataset dataset) {
        Matcher extension = EXTENSION.matcher(dataset.source().fingerprint().fileName());
        return ProjectFormat.DATA_FOLDER + dataset.id() + (extension.find() ? extension.group() : "");
    }

    static ObjectNode toJson(Dataset dataset, Path projectFolder) {
        ObjectNode json = PartJson.object();
        json.put("id", dataset.id());
        json.put("name", dataset.name());
        FileFingerprint fingerprint = dataset.source().fingerprint();
        switch (dataset.source()) {
            case DatasetSource.Embedded e -> {
                json.put("storage", EMBEDDED);
                json.put("entry", entryPath(dataset));
            }
            case DatasetSource.Referenced r -> {
                json.put("storage", REFERENCE);
                json.put("path", relativePath(projectFolder, r.file()));
            }
        }
        json.put("fileName", fingerprint.fileName());
        json.put("size", fingerprint.size());
        json.put("sha256", fingerprint.sha256());
        json.set("import", options(dataset.options()));
        ArrayNode columns = json.putArray("columns");
        for (ColumnInfo column : dataset.columns()) {
            columns.addObject().put("name", column.name()).put("type", id(column.type()))
                    .put("distinct", column.distinct());
        }
        ObjectNode mapping = json.putObject("mapping");
        ObjectNode links = mapping.putObject("links");
        dataset.mapping().links().forEach(links::put);
        ArrayNode excluded = mapping.putArray("excluded");
        dataset.mapping().excluded().forEach(excluded::add);
        if (dataset.join() != null) {
            json.putObject("join").put("dataset", dataset.join().dataset())
                    .put("datasetKey", dataset.join().datasetKey()).put("key", dataset.join().key());
        }
        return json;
    }

    /**
     * @param archive     the project file being read, where embedded data must be
     * @param projectFile the project file's path, which referenced paths are relative to
     */
    static Dataset fromJson(String part, ObjectNode json, ProjectArchive archive, Path projectFile)
            throws ProjectFileException {
        String id = PartJson.text(json, "id", part);
        String problem = Dataset.idProblem(id);
        if (problem != null) {
            throw new ProjectFileException(part + ": " + problem);
        }
        if (!part.equals(partPath(id))) {
            throw new ProjectFileException(part + ": holds dataset '" + id + "', which belongs in " + partPath(id));
        }
        String name = PartJson.text(json, "name", part);
        FileFingerprint fingerprint = fingerprint(part, json);
        String storage = PartJson.text(json, "storage", part);
        DatasetSource source = switch (storage) {
            case EMBEDDED -> embedded(part, json, archive, projectFile, fingerprint);
            case REFERENCE -> new DatasetSource.Referenced(resolve(part, PartJson.text(json, "path", part),
                    projectFile), fingerprint);
            default -> throw new ProjectFileException(part + ": unknown \"storage\" '" + storage + "' (expected "
                    + EMBEDDED + " or " + REFERENCE + ")");
        };
        ImportOptions options = options(part + ": import", objectField(json, "import", part));
        List<ColumnInfo> columns = columns(part, json);
        ColumnMapping mapping = mapping(part + ": mapping", objectField(json, "mapping", part));
        ObjectNode joinJson = PartJson.optionalObject(json, "join", part);
        DatasetJoin join = joinJson == null ? null : new DatasetJoin(PartJson.text(joinJson, "dataset", part + ": join"),
                PartJson.text(joinJson, "datasetKey", part + ": join"), PartJson.text(joinJson, "key", part + ": join"));
        try {
            return new Dataset(id, name, source, options, columns, mapping, join);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(part + ": " + e.getMessage(), e);
        }
    }

    private static FileFingerprint fingerprint(String part, ObjectNode json) throws ProjectFileException {
        String fileName = PartJson.text(json, "fileName", part);
        long size = PartJson.longInteger(json, "size", part);
        String sha256 = PartJson.text(json, "sha256", part);
        try {
            return new FileFingerprint(fileName, size, sha256);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(part + ": " + e.getMessage(), e);
        }
    }

    private static DatasetSource embedded(String part, ObjectNode json, ProjectArchive archive, Path projectFile,
            FileFingerprint fingerprint) throws ProjectFileException {
        String entry = PartJson.text(json, "entry", part);
        String problem = EntryName.problem(entry);
        if (problem != null) {
            throw new ProjectFileException(part + ": \"entry\" " + EntryName.quote(entry) + " " + problem);
        }
        if (!entry.startsWith(ProjectFormat.DATA_FOLDER) || entry.endsWith(".json")) {
            throw new ProjectFileException(part + ": \"entry\" " + EntryName.quote(entry) + " must lie in "
                    + ProjectFormat.DATA_FOLDER + " and not end in .json");
        }
        if (!archive.contains(entry)) {
            throw new ProjectFileException(part + ": the embedded data " + EntryName.quote(entry)
                    + " is missing from the file");
        }
        long declared = archive.declaredSize(entry);
        if (declared != fingerprint.size()) {
            throw new ProjectFileException(entry + ": declares " + declared + " bytes, but " + part + " says "
                    + fingerprint.size());
        }
        return new DatasetSource.Embedded(fingerprint, new DataBytes.OfArchiveEntry(projectFile.toAbsolutePath()
                .normalize(), entry, fingerprint.size()));
    }

    /** A path with '/' separators, relative to the project's folder where it can be. */
    static String relativePath(Path projectFolder, Path file) {
        Path path;
        try {
            path = projectFolder.toAbsolutePath().normalize().relativize(file);
        } catch (IllegalArgumentException e) {
            path = file; // another drive: only an absolute path can name it
        }
        List<String> segments = new ArrayList<>();
        path.forEach(p -> segments.add(p.toString()));
        String joined = String.join("/", segments);
        return path.isAbsolute() ? file.toString().replace('\\', '/') : joined;
    }

    private static Path resolve(String part, String path, Path projectFile) throws ProjectFileException {
        if (path.isEmpty() || path.chars().anyMatch(Character::isISOControl) || path.indexOf('\\') >= 0) {
            throw new ProjectFileException(part + ": \"path\" " + EntryName.quote(path)
                    + " is not a path with '/' separators");
        }
        Path folder = projectFile.toAbsolutePath().normalize().getParent();
        Path given = Path.of(path.replace('/', java.io.File.separatorChar));
        return (given.isAbsolute() ? given : folder.resolve(given)).normalize();
    }

    private static ObjectNode objectField(ObjectNode json, String field, String part) throws ProjectFileException {
        ObjectNode value = PartJson.optionalObject(json, field, part);
        if (value == null) {
            throw new ProjectFileException(part + " has no \"" + field + "\"");
        }
        return value;
    }

    static ObjectNode options(ImportOptions options) {
        ObjectNode json = PartJson.object();
        json.put("delimiter", options.delimiter().name().toLowerCase(Locale.ROOT));
        json.put("header", options.header().name().toLowerCase(Locale.ROOT));
        ObjectNode types = json.putObject("columnTypes");
        new TreeMap<>(options.columnTypes()).forEach((column, type) -> types.put(column, id(type)));
        ObjectNode policies = json.putObject("problemPolicies");
        for (ProblemKind kind : ProblemKind.values()) {
            policies.put(kind.name().toLowerCase(Locale.ROOT), options.policy(kind).name().toLowerCase(Locale.ROOT));
        }
        ArrayNode missing = json.putArray("missingTokens");
        new TreeSet<>(options.missingTokens()).forEach(missing::add);
        json.put("sampleRecords", options.sampleRecords());
        return json;
    }

    private static ImportOptions options(String where, ObjectNode json) throws ProjectFileException {
        Delimiter delimiter = constant(Delimiter.class, PartJson.text(json, "delimiter", where), where, "delimiter");
        HeaderMode header = constant(HeaderMode.class, PartJson.text(json, "header", where), where, "header");
        Map<String, ColumnType> types = new LinkedHashMap<>();
        ObjectNode typesJson = objectField(json, "columnTypes", where);
        for (Map.Entry<String, JsonNode> entry : typesJson.properties()) {
            types.put(entry.getKey(), constant(ColumnType.class, PartJson.text(typesJson, entry.getKey(), where),
                    where, "column type of '" + entry.getKey() + "'"));
        }
        Map<ProblemKind, ProblemPolicy> policies = new EnumMap<>(ProblemKind.class);
        ObjectNode policiesJson = objectField(json, "problemPolicies", where);
        for (Map.Entry<String, JsonNode> entry : policiesJson.properties()) {
            ProblemKind kind = constant(ProblemKind.class, entry.getKey(), where, "problem kind");
            policies.put(kind, constant(ProblemPolicy.class, PartJson.text(policiesJson, entry.getKey(), where),
                    where, "policy for " + entry.getKey()));
        }
        ArrayNode missingJson = PartJson.array(json, "missingTokens", where);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < missingJson.size(); i++) {
            if (!missingJson.get(i).isString()) {
                throw new ProjectFileException(where + ": missing token " + (i + 1) + " must be a string");
            }
            missing.add(missingJson.get(i).stringValue());
        }
        int sample = PartJson.integer(json, "sampleRecords", where);
        try {
            return new ImportOptions(delimiter, header, types, policies, new java.util.LinkedHashSet<>(missing), sample);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<ColumnInfo> columns(String part, ObjectNode json) throws ProjectFileException {
        ArrayNode list = PartJson.array(json, "columns", part);
        List<ColumnInfo> columns = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = part + ": column " + (i + 1);
            ObjectNode column = PartJson.element(list, i, at);
            String name = PartJson.text(column, "name", at);
            ColumnType type = constant(ColumnType.class, PartJson.text(column, "type", at), at, "type");
            long distinct = PartJson.longInteger(column, "distinct", at);
            if (distinct < ColumnInfo.UNCOUNTED) {
                throw new ProjectFileException(at + ": \"distinct\" must be -1 (not counted) or a count, found "
                        + distinct);
            }
            columns.add(new ColumnInfo(name, type, distinct));
        }
        return columns;
    }

    private static ColumnMapping mapping(String where, ObjectNode json) throws ProjectFileException {
        ObjectNode linksJson = objectField(json, "links", where);
        Map<String, String> links = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : linksJson.properties()) {
            links.put(entry.getKey(), PartJson.text(linksJson, entry.getKey(), where + ": links"));
        }
        ArrayNode excludedJson = PartJson.array(json, "excluded", where);
        TreeSet<String> excluded = new TreeSet<>();
        for (int i = 0; i < excludedJson.size(); i++) {
            if (!excludedJson.get(i).isString()) {
                throw new ProjectFileException(where + ": excluded column " + (i + 1) + " must be a string");
            }
            excluded.add(excludedJson.get(i).stringValue());
        }
        try {
            return ColumnMapping.of(links, excluded);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException(where + ": " + e.getMessage(), e);
        }
    }

    private static String id(ColumnType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E constant(Class<E> kind, String text, String where, String what)
            throws ProjectFileException {
        for (E constant : kind.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                return constant;
            }
        }
        throw new ProjectFileException(where + ": unknown " + what + " '" + text + "' (expected one of "
                + String.join(", ", java.util.Arrays.stream(kind.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()) + ")");
    }
}
