package org.recausal.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.Delimiter;
import org.recausal.engine.data.HeaderMode;
import org.recausal.engine.data.ImportOptions;

import picocli.CommandLine.Option;

/** How data files are read, shared by the commands that read them (a picocli mixin). */
final class DataOptions {
    @Option(names = "--delimiter", defaultValue = "auto", paramLabel = "D",
            description = "Field separator: auto (default), comma, tab, semicolon, pipe or space.")
    String delimiter;

    @Option(names = "--header", defaultValue = "auto", paramLabel = "H",
            description = "Whether the first line names the columns: auto (default), present or absent.")
    String header;

    @Option(names = "--type", paramLabel = "COLUMN=TYPE",
            description = "A column's type instead of the detected one (integer, decimal, boolean, categorical, "
                    + "timestamp, id); repeatable.")
    Map<String, String> types = new LinkedHashMap<>();

    ImportOptions options() {
        ImportOptions options = ImportOptions.defaults()
                .withDelimiter(constant(Delimiter.class, delimiter, "--delimiter"))
                .withHeader(constant(HeaderMode.class, header, "--header"));
        for (Map.Entry<String, String> type : types.entrySet()) {
            options = options.withColumnType(type.getKey(), constant(ColumnType.class, type.getValue(), "--type"));
        }
        return options;
    }

    private static <E extends Enum<E>> E constant(Class<E> kind, String text, String option) {
        for (E constant : kind.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        throw new CommandFailure(option + ": '" + text + "' is not one of " + String.join(", ",
                java.util.Arrays.stream(kind.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
    }
}
