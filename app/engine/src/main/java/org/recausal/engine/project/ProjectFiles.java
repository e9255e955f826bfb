package org.recausal.engine.project;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
            return read(archive, FormatMigrations.STANDARD);
        } catch (ProjectFileException e) {
            throw new ProjectFileException(file.getFileName() + ": " + e.getMessage(), e.getCause());
        } catch (IOException e) {
            // Only closing can get here; everything was read by then.
            throw new ProjectFileException(file.getFileName() + ": " + describe(e), e);
        }
    }

    public static void save(Project project, Path file) throws ProjectFileException {
        Path folder = file.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ProjectFileException("Cannot save " + file.getFileName() + ": the folder " + folder
                    + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new ProjectFileException("Cannot save " + file.getFileName() + ": a folder of that name is in the way");
        }
        List<ArchivePart> parts = encode(project);
        try {
            AtomicFiles.write(file, out -> ProjectArchiveWriter.write(parts, out));
        } catch (IOException e) {
            throw new ProjectFileException("Cannot save " + file.getFileName() + ": " + describe(e), e);
        }
    }

    static List<ArchivePart> encode(Project project) {
        Manifest manifest = new Manifest(project.name(),
                List.of(new Manifest.Part(ProjectFormat.GRAPH, ProjectFormat.GRAPH_KIND)));
        return List.of(
                new ArchivePart(ProjectFormat.MANIFEST, PartJson.write(manifest.toJson(Version.current()))),
                new ArchivePart(ProjectFormat.GRAPH, PartJson.write(GraphJson.toJson(project.dag()))));
    }

    static Project read(ProjectArchive archive, FormatMigrations migrations) throws ProjectFileException {
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
        return decode(Manifest.fromJson(stored.manifest()), stored);
    }

    private static Project decode(Manifest manifest, StoredProject stored) throws ProjectFileException {
        String graphPath = null;
        for (Manifest.Part part : manifest.parts()) {
            if (!part.kind().equals(ProjectFormat.GRAPH_KIND)) {
                throw new ProjectFileException(ProjectFormat.MANIFEST + ": part " + EntryName.quote(part.path())
                        + " has unknown kind '" + part.kind() + "' (expected graph)");
            }
            if (graphPath != null) {
                throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists more than one graph part");
            }
            graphPath = part.path();
        }
        if (graphPath == null) {
            throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists no graph part");
        }
        ObjectNode graph = stored.parts().get(graphPath);
        if (graph == null) {
            throw new ProjectFileException(ProjectFormat.MANIFEST + ": lists " + EntryName.quote(graphPath)
                    + " but the file has no such JSON entry");
        }
        return new Project(manifest.projectName(), GraphJson.fromJson(graphPath, graph));
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
