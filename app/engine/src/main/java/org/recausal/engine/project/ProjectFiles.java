package org.recausal.engine.project;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recausal.engine.Version;

import tools.jackson.databind.node.ObjectNode;

/**
 * Opens and saves {@code .recausal} project files: a zip of JSON parts listed in {@code manifest.json}
 * (see {@code docs/project-format.md}). Opening checks everything and refuses a damaged or hostile file
 * with a message naming the file, the part and the problem; saving replaces the file atomically and
 * writes the same bytes for the same project.
 */
public final class ProjectFiles {
    public static final String EXTENSION = ".recausal";

    private ProjectFiles() {
    }

    public static Project open(Path file) throws ProjectFileException {
        try (ProjectArchive archive = ProjectArchive.open(file)) {
            return read(archive, file, FormatMigrations.STANDARD);
        } catch (ProjectFileException e) {
            throw new ProjectFileException(file.getFileName() + ": " + e.getMessage(), e.getCause());
        } catch (IOException e) {
            // Only closing can get here; everything was read by then.
            throw new ProjectFileException(file.getFileName() + ": " + describe(e), e);
        }
    }

    /**
     * Opens the project and checks each dataset's data ({@link Datasets#check}): a referenced file that moved or
     * changed does not stop the project opening; its status says so, for the analyst to relink.
     */
    public static OpenedProject openChecked(Path file) throws ProjectFileException {
        Project project = open(file);
        return new OpenedProject(project, project.datasets().stream().map(Datasets::check).toList());
    }

    /**
     * Saves atomically. Embedded datasets are copied into the file and checked against their fingerprints on the
     * way; afterwards they are read from the saved file, so the files they came from are no longer needed.
     */
    public static void save(Project project, Path file) throws ProjectFileException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ProjectFileException("Cannot save " + file.getFileName() + ": the folder " + folder
                    + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new ProjectFileException("Cannot save " + file.getFileName() + ": a folder of that name is in the way");
        }
        Entries entries;
        try {
            entries = encode(project, folder);
        } catch (IllegalArgumentException e) {
            throw new ProjectFileException("Cannot save " + file.getFileName() + ": " + e.getMessage(), e);
        }
        List<ArchiveData> data = new ArrayList<>();
        for (Dataset dataset : project.datasets()) {
            if (dataset.source() instanceof DatasetSource.Embedded embedded) {
                long limit = ProjectArchive.MAX_ENTRY_BYTES;
                if (embedded.fingerprint().size() > limit) {
                    throw new ProjectFileException("Cannot save " + file.getFileName() + ": dataset '" + dataset.id()
                            + "' (" + Bytes.describe(embedded.fingerprint().size()) + ") is larger than the "
                            + Bytes.describe(limit) + " a project can embed; attach it as a reference instead");
                }
                data.add(new ArchiveData(DatasetJson.entryPath(dataset), embedded.bytes(), embedded.fingerprint()));
            }
        }
        try {
            AtomicFiles.write(file, out -> ProjectArchiveWriter.write(entries.parts(), entries.binaries(), data, out));
        } catch (IOException e) {
            throw new ProjectFileException("Cannot save " + file.getFileName() + ": " + describe(e), e);
        }
        Path saved = file.toAbsolutePath().normalize();
        for (Dataset dataset : project.datasets()) {
            if (dataset.source() instanceof DatasetSource.Embedded embedded) {
                project.replaceDataset(dataset.withSource(new DatasetSource.Embedded(embedded.fingerprint(),
                        new DataBytes.OfArchiveEntry(saved, DatasetJson.entryPath(dataset),
                                embedded.fingerprint().size()))));
            }
        }
    }

    /** The text parts (manifest first) and the binary entries they name, in the order they are written. */
    private record Entries(List<ArchivePart> parts, List<ArchivePart> binaries) {
    }

    /**
     * The entries except embedded data; referenced data files are written relative to {@code folder}, the project
     * file's.
     *
     * @throws IllegalArgumentException when the project holds something that cannot be saved
     */
    private static Entries encode(Project project, Path folder) {
        List<Manifest.Part> manifestParts = new ArrayList<>();
        List<ArchivePart> parts = new ArrayList<>();
        List<ArchivePart> binaries = new ArrayList<>();
        manifestParts.add(new Manifest.Part(ProjectFormat.GRAPH, ProjectFormat.GRAPH_KIND));
        parts.add(new ArchivePart(ProjectFormat.GRAPH, PartJson.write(GraphJson.toJson(project.dag()))));
        for (Dataset dataset : project.datasets()) {
            String path = DatasetJson.partPath(dataset.id());
            manifestParts.add(new Manifest.Part(path, ProjectFormat.DATASET_KIND));
            parts.add(new ArchivePart(path, PartJson.write(DatasetJson.toJson(dataset, folder))));
        }
        if (!project.notes().isEmpty()) {
            manifestParts.add(new Manifest.Part(ProjectFormat.NOTES, ProjectFormat.NOTES_KIND));
            parts.add(new ArchivePart(ProjectFormat.NOTES, project.notes().getBytes(StandardCharsets.UTF_8)));
        }
        if (!project.scenarios().isEmpty()) {
            manifestParts.add(new Manifest.Part(ProjectFormat.SCENARIOS, ProjectFormat.SCENARIOS_KIND));
            parts.add(new ArchivePart(ProjectFormat.SCENARIOS, PartJson.write(AnalysisJson.scenarios(project))));
            ObjectNode results = AnalysisJson.results(project);
            if (results != null) {
                manifestParts.add(new Manifest.Part(ProjectFormat.RESULTS, ProjectFormat.RESULTS_KIND));
                parts.add(new ArchivePart(ProjectFormat.RESULTS, PartJson.write(results)));
            }
        }
        ObjectNode policies = PolicyScenarioJson.toJson(project);
        if (policies != null) {
            manifestParts.add(new Manifest.Part(ProjectFormat.POLICIES, ProjectFormat.POLICIES_KIND));
            parts.add(new ArchivePart(ProjectFormat.POLICIES, PartJson.write(policies)));
        }
        if (project.scm().isPresent()) {
            ScmJson.Encoded scm = ScmJson.encode(project.scm().get());
            manifestParts.add(new Manifest.Part(ProjectFormat.SCM, ProjectFormat.SCM_KIND));
            parts.add(new ArchivePart(ProjectFormat.SCM, PartJson.write(scm.json())));
            if (scm.arrays() != null) {
                binaries.add(new ArchivePart(ProjectFormat.SCM_ARRAYS, scm.arrays()));
            }
        }
        for (StoredRecommender recommender : project.recommenders()) {
            RecommenderJson.Encoded encoded = RecommenderJson.encode(recommender);
            String path = RecommenderJson.partPath(recommender.id());
            manifestParts.add(new Manifest.Part(path, ProjectFormat.RECOMMENDER_KIND));
            parts.add(new ArchivePart(path, PartJson.write(encoded.json())));
            binaries.add(new ArchivePart(RecommenderJson.entryPath(recommender.id()), encoded.model()));
        }
        Manifest manifest = new Manifest(project.name(), manifestParts);
        parts.addFirst(new ArchivePart(ProjectFormat.MANIFEST, PartJson.write(manifest.toJson(Version.current()))));
        return new Entries(parts, binaries);
    }

    static Project read(ProjectArchive archive, Path file, FormatMigrations migrations) throws ProjectFileException {
        if (!archive.contains(ProjectFormat.MANIFEST)) {
            throw new ProjectFileException("is not a Recausal project (it has no " + ProjectFormat.MANIFEST + ")");
        }
        ObjectNode manifestJson = readJson(archive, ProjectFormat.MANIFEST);
        int version = Manifest.formatVersion(manifestJson);
        // The part list is read loosely here: an older format may describe its parts differently.
        Map<String, ObjectNode> jsonParts = new LinkedHashMap<>();
        for (String name : archive.names()) {
            if (name.endsWith(".json") && !name.equals(ProjectFormat.MANIFEST)) {
                jsonParts.put(name, readJson(archive, name));
            }
        }
        StoredProject stored = new StoredProject(manifestJson, jsonParts);
        migrations.upgrade(version, stored);
        return decode(Manifest.fromJson(stored.manifest()), stored, archive, file);
    }

    private static Project decode(Manifest manifest, StoredProject stored, ProjectArchive archive, Path file)
            throws ProjectFileException {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Manifest.Part part : manifest.parts()) {
            if (!KINDS.contains(part.kind())) {
                throw new ProjectFileException(ProjectFormat.MANIFEST + ": part " + EntryName.quote(part.path())
                        + " has unknown kind '" + part.kind() + "' (expected " + String.join(", ", KINDS) + ")");
            }
            byKind.computeIfAbsent(part.kind(), k -> new ArrayList<>()).add(part.path());
        }
        for (String kind : SINGLE_KINDS) {
            if (byKind.getOrDefault(kind, List.of()).size() > 1) {
                throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists more than one " + kind + " part");
            }
        }
        if (!byKind.containsKey(ProjectFormat.GRAPH_KIND)) {
            throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists no graph part");
        }
        String graphPath = byKind.get(ProjectFormat.GRAPH_KIND).getFirst();
        Project project = new Project(manifest.projectName(), GraphJson.fromJson(graphPath, json(stored, graphPath)));
        for (String path : byKind.getOrDefault(ProjectFormat.DATASET_KIND, List.of())) {
            Dataset dataset = DatasetJson.fromJson(path, json(stored, path), archive, file);
            try {
                project.addDataset(dataset);
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException(path + ": " + e.getMessage(), e);
            }
        }
        for (String path : byKind.getOrDefault(ProjectFormat.NOTES_KIND, List.of())) {
            project.setNotes(AnalysisJson.notes(path, archive.read(path, ProjectFormat.MAX_JSON_BYTES)));
        }
        for (String path : byKind.getOrDefault(ProjectFormat.SCENARIOS_KIND, List.of())) {
            AnalysisJson.readScenarios(path, json(stored, path), project);
        }
        for (String path : byKind.getOrDefault(ProjectFormat.RESULTS_KIND, List.of())) {
            AnalysisJson.readResults(path, json(stored, path), project);
        }
        for (String path : byKind.getOrDefault(ProjectFormat.POLICIES_KIND, List.of())) {
            PolicyScenarioJson.read(path, json(stored, path), project);
        }
        for (String path : byKind.getOrDefault(ProjectFormat.SCM_KIND, List.of())) {
            project.setScm(ScmJson.decode(path, json(stored, path), archive));
        }
        for (String path : byKind.getOrDefault(ProjectFormat.RECOMMENDER_KIND, List.of())) {
            StoredRecommender recommender = RecommenderJson.decode(path, json(stored, path), archive);
            try {
                project.addRecommender(recommender);
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException(path + ": " + e.getMessage(), e);
            }
        }
        return project;
    }

    private static final List<String> KINDS = List.of(ProjectFormat.GRAPH_KIND, ProjectFormat.DATASET_KIND,
            ProjectFormat.NOTES_KIND, ProjectFormat.SCENARIOS_KIND, ProjectFormat.RESULTS_KIND, ProjectFormat.SCM_KIND,
            ProjectFormat.RECOMMENDER_KIND, ProjectFormat.POLICIES_KIND);
    /** Kinds a file has at most one part of. */
    private static final List<String> SINGLE_KINDS = List.of(ProjectFormat.GRAPH_KIND, ProjectFormat.NOTES_KIND,
            ProjectFormat.SCENARIOS_KIND, ProjectFormat.RESULTS_KIND, ProjectFormat.SCM_KIND, ProjectFormat.POLICIES_KIND);

    /** The JSON part the manifest lists at {@code path}. */
    private static ObjectNode json(StoredProject stored, String path) throws ProjectFileException {
        ObjectNode json = stored.parts().get(path);
        if (json == null) {
            throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists " + EntryName.quote(path)
                    + " but the file has no such JSON entry");
        }
        return json;
    }

    private static ObjectNode readJson(ProjectArchive archive, String name) throws ProjectFileException {
        return PartJson.parseObject(name, archive.read(name, ProjectFormat.MAX_JSON_BYTES));
    }

    /** NIO exceptions often carry only a path as their message; say what happened instead. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder (" + missing.getFile() + ")";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
