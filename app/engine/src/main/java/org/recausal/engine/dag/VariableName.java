package org.recausal.engine.dag;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for variable names. Names must survive every interchange format (DAGitty, DOT, GML,
 * Tetrad, BIF, CSV headers) without quoting surprises, so they are identifiers: a letter or
 * underscore, then letters, digits, underscores or dots, at most {@value #MAX_LENGTH} characters.
 * Two names that differ only in case are the same variable, since columns map to nodes case-insensitively.
 */
public final class VariableName {
    public static final int MAX_LENGTH = 64;
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.]*");

    private VariableName() {
    }

    /** Returns why {@code name} is not a valid variable name, or {@code null} when it is. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "a variable name cannot be empty";
        }
        if (name.length() > MAX_LENGTH) {
            return "variable name '" + name.substring(0, 20) + "…' is longer than " + MAX_LENGTH + " characters";
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            return "variable name '" + name + "' must start with a letter or '_' and contain only letters,"
                    + " digits, '_' or '.'";
        }
        return null;
    }

    /** The key under which names are compared for uniqueness. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
