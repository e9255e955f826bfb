package org.recausal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.recausal.engine.analysis.NotADag;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.io.GraphParseException;
import org.recausal.engine.project.ProjectFileException;
import org.recausal.engine.project.ProjectFiles;

import picocli.CommandLine.Option;

/**
 * The {@code --graph FILE} and {@code --format NAME} options shared by the graph commands (a picocli
 * mixin): a project file (.recausal), a graph file in any format Recausal reads, or {@code -} for
 * standard input. The format comes from {@code --format}, else the file extension, else the text.
 */
final class GraphInput {
    @Option(names = "--graph", required = true, paramLabel = "FILE",
            description = "The graph: a project (.recausal), a graph file (DAGitty, GraphML, DOT, GML, Tetrad, BIF,"
                    + " JSON) or - for standard input.")
    String graph;

    @Option(names = "--format", paramLabel = "NAME", converter = FormatNameConverter.class,
            description = "The graph's format when it cannot be guessed: ${COMPLETION-CANDIDATES}.")
    FormatName format;

    /** Format names on the command line, e.g. {@code dagitty-legacy}. */
    enum FormatName {
        dagitty, dagitty_legacy, graphml, dot, gml, tetrad, bif, json;

        GraphFormat format() {
            return GraphFormat.valueOf(name().toUpperCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    static final class FormatNameConverter implements picocli.CommandLine.ITypeConverter<FormatName> {
        @Override
        public FormatName convert(String value) {
            for (FormatName name : FormatName.values()) {
                if (name.toString().equalsIgnoreCase(value)) {
                    return name;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of " + names());
        }
    }

    /** Reads the graph; a {@link CommandFailure} naming the file and the problem when it cannot. */
    Dag load(InputStream standardInput) {
        if (!graph.equals("-") && graph.toLowerCase(Locale.ROOT).endsWith(".recausal")) {
            try {
                return ProjectFiles.open(Path.of(graph)).dag();
            } catch (ProjectFileException e) {
                throw new CommandFailure(e.getMessage());
            }
        }
        String label = graph.equals("-") ? "standard input" : Path.of(graph).getFileName().toString();
        String text = graph.equals("-") ? read(standardInput, label) : read(Path.of(graph), label);
        GraphFormat chosen = format != null ? format.format()
                : GraphFormat.detect(graph.equals("-") ? "" : graph, text).orElseThrow(() -> new CommandFailure(label
                        + ": cannot tell the graph format; name it with --format (" + names() + ")"));
        try {
            return chosen.read(text).dag();
        } catch (GraphParseException e) {
            throw new CommandFailure(NotADag.of(e).map(NotADag::message).orElse(label + ": " + e.getMessage()));
        }
    }

    static String names() {
        return Arrays.stream(FormatName.values()).map(FormatName::toString).collect(Collectors.joining(", "));
    }

    private static String read(Path file, String label) {
        if (!Files.exists(file)) {
            throw new CommandFailure(label + ": does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(label + ": is not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, label);
        } catch (IOException e) {
            throw new CommandFailure(label + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String read(InputStream in, String label) {
        try {
            byte[] bytes = in.readAllBytes();
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new CommandFailure(label + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new CommandFailure(label + ": cannot be read (" + e.getMessage() + ")");
        }
    }
}
