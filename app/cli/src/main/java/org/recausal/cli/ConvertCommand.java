package org.recausal.cli;

import java.util.Locale;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.io.GraphFormat;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write the graph in another interchange format on standard output.")
final class ConvertCommand extends GraphCommand {
    enum Target { dagitty, dagitty_legacy, graphml, dot, gml, tetrad, json;

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = TargetConverter.class,
            description = "One of ${COMPLETION-CANDIDATES}.")
    Target to;

    static final class TargetConverter implements picocli.CommandLine.ITypeConverter<Target> {
        @Override
        public Target convert(String value) {
            for (Target target : Target.values()) {
                if (target.toString().equalsIgnoreCase(value)) {
                    return target;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of "
                    + java.util.Arrays.stream(Target.values()).map(Target::toString)
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    @Override
    ObjectNode answer(Dag dag) {
        String text = GraphFormat.valueOf(to.name().toUpperCase(Locale.ROOT)).exporter().orElseThrow().write(dag);
        out().print(text.endsWith("\n") ? text : text + "\n");
        return null;
    }
}
