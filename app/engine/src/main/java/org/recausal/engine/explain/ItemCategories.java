package org.recausal.engine.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.recausal.engine.recsys.RecsysException;

/**
 * Item categories for the category-to-category attention: a text file of {@code item,category} lines (comma or
 * tab), an optional {@code item,category} header, blank lines and {@code #} comments ignored.
 */
public final class ItemCategories {
    private ItemCategories() {
    }

    public static Map<String, String> read(Path file) {
        String name = file.getFileName().toString();
        Map<String, String> categories = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || number == 1 && trimmed.equalsIgnoreCase("item,category")) {
                    continue;
                }
                String[] fields = trimmed.split("[,\t]", -1);
                if (fields.length != 2 || fields[0].isBlank() || fields[1].isBlank()) {
                    throw new RecsysException(name + ":" + number + ": expected 'item,category', found '" + trimmed + "'");
                }
                String item = fields[0].strip();
                String previous = categories.put(item, fields[1].strip());
                if (previous != null && !previous.equals(fields[1].strip())) {
                    throw new RecsysException(name + ":" + number + ": item '" + item + "' was given the category '"
                            + previous + "' before");
                }
            }
        } catch (NoSuchFileException e) {
            throw new RecsysException(file + ": no such file");
        } catch (IOException e) {
            throw new RecsysException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        return categories;
    }
}
