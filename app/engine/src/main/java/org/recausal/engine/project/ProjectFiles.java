package org.recausal.engine.project;

import java.io.IOException;
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
        List<ArchivePart> parts = encode(project, folder);
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
            AtomicFiles.write(file, out -> ProjectArchiveWriter.write(parts, data, out));
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

    /** The JSON parts; referenced data files are written relative to {@code folder}, the project file's. */
    static List<ArchivePart> encode(Project project, Path folder) {
        List<Manifest.Part> manifestParts = new ArrayList<>();
        manifestParts.add(new Manifest.Part(ProjectFormat.GRAPH, ProjectFormat.GRAPH_KIND));
        project.datasets().forEach(d -> manifestParts.add(
                new Manifest.Part(DatasetJson.partPath(d.id()), ProjectFormat.DATASET_KIND)));
        Manifest manifest = new Manifest(project.name(), manifestParts);
        List<ArchivePart> parts = new ArrayList<>();
        parts.add(new ArchivePart(ProjectFormat.MANIFEST, PartJson.write(manifest.toJson(Version.current()))));
        parts.add(new ArchivePart(ProjectFormat.GRAPH, PartJson.write(GraphJson.toJson(project.dag()))));
        for (Dataset dataset : project.datasets()) {
            parts.add(new ArchivePart(DatasetJson.partPath(dataset.id()),
                    PartJson.write(DatasetJson.toJson(dataset, folder))));
        }
        return parts;
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
        String graphPath = null;
        List<String> datasetPaths = new ArrayList<>();
        for (Manifest.Part part : manifest.parts()) {
            switch (part.kind()) {
                case ProjectFormat.GRAPH_KIND -> {
                    if (graphPath != null) {
                        throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists more than one graph part");
                    }
                    graphPath = part.path();
                }
                case ProjectFormat.DATASET_KIND -> datasetPaths.add(part.path());
                default -> throw new ProjectFileException(ProjectFormat.MANIFEST + ": part "
                        + EntryName.quote(part.path()) + " has unknown kind '" + part.kind()
                        + "' (expected graph or dataset)");
            }
        }
        if (graphPath == null) {
            throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists no graph part");
        }
        ObjectNode graph = stored.parts().get(graphPath);
        if (graph == null) {
            throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists " + EntryName.quote(graphPath)
                    + " but the file has no such JSON entry");
        }
        Project project = new Project(manifest.projectName(), GraphJson.fromJson(graphPath, graph));
        for (String path : datasetPaths) {
            ObjectNode json = stored.parts().get(path);
            if (json == null) {
                throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists " + EntryName.quote(path)
                        + " but the file has no such JSON entry");
            }
            Dataset dataset = DatasetJson.fromJson(path, json, archive, file);
            try {
                project.addDataset(dataset);
            } catch (IllegalArgumentException e) {
                throw new ProjectFileException(path + ": " + e.getMessage(), e);
            }
        }
        return project;
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
