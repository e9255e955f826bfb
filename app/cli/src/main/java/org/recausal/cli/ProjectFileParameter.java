package org.recausal.cli;

import java.nio.file.Path;

import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;

import picocli.CommandLine.Parameters;

/** The project file argument shared by commands that read a project (a picocli mixin). */
final class ProjectFileParameter {
    @Parameters(index = "0", paramLabel = "FILE", description = "A project file (.recausal).")
    Path file;

    Project open() throws ProjectFileException {
        return ProjectFiles.open(file);
    }
}
