package org.recausal.desktop.explain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recausal.engine.explain.HistoryItem;
import org.recausal.engine.explain.ItemCatalogue;

/**
 * How a history item is described next to its id: the item's name from the project's item table, else its
 * category, and when the interaction happened (in the user's locale, in UTC, for a timestamp column; as the number
 * for another time column such as a sequence number). Items of a model opened from a file have neither.
 */
public record HistoryLabels(ItemCatalogue catalogue, boolean instants, Locale locale) {
    public static final HistoryLabels NONE = new HistoryLabels(ItemCatalogue.EMPTY, false, Locale.getDefault());

    /** The item's name, else its category; null when the project has neither. */
    public String name(String item) {
        String name = catalogue.name(item);
        return name != null ? name : catalogue.category(item);
    }

    /** When the interaction happened; empty when unknown. */
    public String time(HistoryItem h) {
        if (!h.hasTime()) {
            return "";
        }
        if (!instants) {
            return "t = " + h.time();
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(h.time())) + " UTC";
    }

    /** Name and time, joined by a middle dot; empty when neither is known. */
    public String detail(HistoryItem h) {
        List<String> parts = new ArrayList<>();
        String name = name(h.item());
        if (name != null) {
            parts.add(name);
        }
        String time = time(h);
        if (!time.isEmpty()) {
            parts.add(time);
        }
        return String.join(" \u00b7 ", parts);
    }
}
