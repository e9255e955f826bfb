package org.recausal.cli;

import java.util.Locale;

import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.Intervention;
import org.recausal.engine.scm.ModelChoice;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Reading command-line values into engine types; a bad value is a usage error naming what was expected. */
final class Arguments {
    private Arguments() {
    }

    /** A value the command line gave that does not fit: a usage error (exit code 2). */
    static ParameterException invalid(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static ModelChoice modelChoice(CommandSpec spec, String text) {
        try {
            return ModelChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(spec, e.getMessage());
        }
    }

    static FitOptions.NoiseKind noise(CommandSpec spec, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "empirical" -> FitOptions.NoiseKind.EMPIRICAL;
            case "gaussian", "normal" -> FitOptions.NoiseKind.GAUSSIAN;
            default -> throw invalid(spec, "unknown noise '" + text + "' (expected empirical or gaussian)");
        };
    }

    /** {@code X=1}, {@code X+=0.5}, {@code X:=rule}. */
    static final class InterventionConverter implements ITypeConverter<Intervention> {
        @Override
        public Intervention convert(String value) {
            try {
                return Intervention.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
