package org.recausal.desktop.query;

import java.util.Collection;
import java.util.List;

import org.recausal.engine.analysis.Independence;
import org.recausal.engine.analysis.Instrument;

/** Plain text in DAGitty's notation, for the panel's lists and the clipboard. */
public final class QueryText {
    private QueryText() {
    }

    /** {@code a, b} in the given order. */
    public static String names(Collection<String> names) {
        return String.join(", ", names);
    }

    /** DAGitty's set notation, members sorted: {@code { a, b }}, or {@code {}} for the empty set. */
    public static String set(Collection<String> set) {
        return set.isEmpty() ? "{}" : "{ " + String.join(", ", set.stream().sorted().toList()) + " }";
    }

    /** One set per line. */
    public static String sets(List<? extends Collection<String>> sets) {
        return lines(sets.stream().map(QueryText::set).toList());
    }

    /** One path per line, each with why it is open or blocked. */
    public static String paths(List<PathRow> rows) {
        return lines(rows.stream().map(PathRow::text).toList());
    }

    /** One implication per line: {@code a _||_ b | c}. */
    public static String implications(List<Independence> implications) {
        return lines(implications.stream().map(Independence::toString).toList());
    }

    /** One instrument per line: {@code z} or {@code z | w}. */
    public static String instruments(List<Instrument> instruments) {
        return lines(instruments.stream().map(Instrument::toString).toList());
    }

    static String lines(List<String> lines) {
        return String.join("\n", lines);
    }
}
