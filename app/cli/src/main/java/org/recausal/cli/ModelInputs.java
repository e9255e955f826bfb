package org.recausal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.TableBinding;

import picocli.CommandLine.Option;

/**
 * The graph and the data a model command works on (a picocli mixin). Projects do not hold data yet, so both are
 * given as files; once they do, a PROJECT argument will supply either, and these options will override it.
 */
final class ModelInputs {
    @Option(names = "--graph", required = true, paramLabel = "FILE",
            description = "The causal graph: a project file (.recausal) or a graph file (DAGitty, GraphML, DOT, GML,"
                    + " Tetrad, BIF or JSON).")
    Path graph;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The data: a delimited text file (CSV, TSV, ...; may be gzipped) with a header row."
                    + " Columns map to the graph's variables by name.")
    Path data;

    Dag dag() throws ProjectFileException {
        return readGraph(graph);
    }

    /** The graph of a project file or of a graph file in any format Recausal reads. */
    static Dag readGraph(Path graph) throws ProjectFileException {
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

    TableBinding.Bound bind(Dag dag) {
        return TableBinding.bind(dag, TableReader.read(data).table());
    }
}
