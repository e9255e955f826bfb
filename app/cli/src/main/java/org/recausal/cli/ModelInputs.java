package org.recausal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.project.ModelData;
import org.recausal.engine.project.Project;
import org.recausal.engine.project.ProjectData;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The graph and the data a model command works on (a picocli mixin): a project file with its data, or a graph file
 * and a data file. Given with a project, {@code --graph} or {@code --data} replaces the project's graph or data.
 */
final class ModelInputs {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROJECT",
            description = "A project file (.recausal): its graph, and its datasets joined and mapped to the graph.")
    Path project;

    @Option(names = "--graph", paramLabel = "FILE",
            description = "The causal graph (instead of the project's): a project file (.recausal) or a graph file"
                    + " (DAGitty, GraphML, DOT, GML, Tetrad, BIF or JSON).")
    Path graph;

    @Option(names = "--data", paramLabel = "FILE",
            description = "The data (instead of the project's): a delimited text file (CSV, TSV, ...; may be"
                    + " gzipped) with a header row. Columns map to the graph's variables by name.")
    Path data;

    private Project opened;

    /** The project named on the command line, opened once; null when there is none. */
    Project project() throws ProjectFileException {
        if (project == null) {
            if (graph == null || data == null) {
                throw new ParameterException(spec.commandLine(), "give a PROJECT file, or both --graph and --data");
            }
            return null;
        }
        if (opened == null) {
            opened = ProjectFiles.open(project);
        }
        return opened;
    }

    Dag dag() throws ProjectFileException {
        Project given = project();
        if (graph == null) {
            return given.dag();
        }
        if (graph.getFileName().toString().endsWith(ProjectFiles.EXTENSION)) {
            return ProjectFiles.open(graph).dag();
        }
        String text;
        try {
            text = Files.readString(graph, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ScmException("cannot read the graph " + graph + ": " + e.getMessage(), e);
        }
        GraphFormat format = GraphFormat.detect(graph.getFileName().toString(), text)
                .orElseThrow(() -> new ScmException(graph + " is not in a graph format Recausal reads"));
        return format.read(text).dag();
    }

    /** The data bound to {@code dag}: the data file, or the project's datasets mapped to {@code dag}. */
    TableBinding.Bound bind(Dag dag) throws ProjectFileException {
        Project given = project();
        if (data != null) {
            return TableBinding.bind(dag, TableReader.read(data).table());
        }
        Project mapped = new Project(given.name(), dag);
        given.datasets().forEach(mapped::addDataset);
        if (mapped.datasets().isEmpty()) {
            throw new ScmException(project.getFileName() + " holds no data; attach a dataset to it, or give --data");
        }
        return ModelData.bind(dag, ProjectData.load(mapped, ProgressListener.NONE, CancellationToken.none()));
    }
}
