package org.recausal.engine.recsys.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.recausal.engine.recsys.RecsysException;

/**
 * Reads interaction logs in the layouts recommender data comes in, told apart by their first line:
 * <ul>
 * <li>a dense matrix, one row per user and one column per item, 0 = missing (Coat's {@code *.ascii}); users and
 * items are then named by their 0-based row and column numbers;</li>
 * <li>delimited rows (comma, tab or spaces) {@code user item [feedback [time]]}, such as SASRec's "user item" files
 * (feedback 1, the line order as time) or {@code uid,iid,rating} triplets;</li>
 * <li>the same with a header line naming the columns: {@code user}, {@code item}, and any of {@code rating}
 * (or {@code feedback}, {@code value}), {@code time} (or {@code timestamp}), {@code propensity}, {@code exposure},
 * {@code position}.</li>
 * </ul>
 */
public final class InteractionFiles {
    private static final Pattern SPACES = Pattern.compile("[\\s]+");
    private static final int MATRIX_MIN_COLUMNS = 5;

    private InteractionFiles() {
    }

    /** Reads {@code file}, naming users and items with fresh indices. */
    public static Interactions read(Path file) {
        return read(file, new IdIndex(), new IdIndex());
    }

    /** Reads {@code file} into existing indices, so that a test set lines up with its training set. */
    public static Interactions read(Path file, IdIndex users, IdIndex items) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(in, file.getFileName().toString(), users, items);
        } catch (NoSuchFileException e) {
            throw new RecsysException(file + ": no such file");
        } catch (IOException e) {
            throw new RecsysException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The column of {@code header} this reader takes as the user id (or, with {@code item}, the item id), if any:
     * for reading other columns of the same file row by row.
     */
    public static Optional<String> idColumn(List<String> header, boolean item) {
        int role = item ? Layout.ITEM : Layout.USER;
        return header.stream().filter(c -> Layout.role(c) == role).findFirst();
    }

    static Interactions parse(BufferedReader in, String name, IdIndex users, IdIndex items) throws IOException {
        Interactions.Builder rows = Interactions.builder(users, items);
        String line;
        int lineNumber = 0;
        Layout layout = null;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] tokens = split(trimmed);
            if (layout == null) {
                layout = Layout.guess(tokens, name, lineNumber);
                if (layout.header) {
                    continue;
                }
            }
            layout.read(tokens, rows, name, lineNumber);
        }
        if (rows.size() == 0) {
            throw new RecsysException(name + ": holds no interactions");
        }
        return rows.build();
    }

    private static String[] split(String line) {
        if (line.indexOf(',') >= 0) {
            String[] tokens = line.split(",", -1);
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = tokens[i].strip();
            }
            return tokens;
        }
        return SPACES.split(line);
    }

    /** Which column holds what, or a dense matrix. */
    private static final class Layout {
        static final int USER = 0;
        static final int ITEM = 1;
        static final int VALUE = 2;
        static final int TIME = 3;
        static final int PROPENSITY = 4;
        static final int EXPOSURE = 5;
        static final int POSITION = 6;

        final boolean header;
        final boolean matrix;
        final int[] columnOf;
        int matrixColumns;
        int matrixRow;

        private Layout(boolean header, boolean matrix, int[] columnOf) {
            this.header = header;
            this.matrix = matrix;
            this.columnOf = columnOf;
        }

        static Layout guess(String[] tokens, String name, int line) {
            if (isHeader(tokens)) {
                return fromHeader(tokens, name, line);
            }
            if (tokens.length >= MATRIX_MIN_COLUMNS && allNumbers(tokens)) {
                Layout layout = new Layout(false, true, null);
                layout.matrixColumns = tokens.length;
                return layout;
            }
            if (tokens.length < 2 || tokens.length > 4) {
                throw new RecsysException(name + ":" + line + ": expected 'user item [feedback [time]]' or a header,"
                        + " found " + tokens.length + " fields");
            }
            int[] columnOf = {0, 1, tokens.length > 2 ? 2 : -1, tokens.length > 3 ? 3 : -1, -1, -1, -1};
            return new Layout(false, false, columnOf);
        }

        private static Layout fromHeader(String[] tokens, String name, int line) {
            int[] columnOf = {-1, -1, -1, -1, -1, -1, -1};
            for (int c = 0; c < tokens.length; c++) {
                int role = role(tokens[c]);
                if (role >= 0) {
                    columnOf[role] = c;
                }
            }
            if (columnOf[USER] < 0 || columnOf[ITEM] < 0) {
                throw new RecsysException(name + ":" + line + ": the header '" + String.join(",", tokens)
                        + "' lacks a user or an item column (columns: user, item, rating, time, propensity, exposure, position)");
            }
            return new Layout(true, false, columnOf);
        }

        /** A first line is a header when it names a known column; otherwise it is data, ids may be words. */
        private static boolean isHeader(String[] tokens) {
            for (String t : tokens) {
                if (role(t) >= 0) {
                    return true;
                }
            }
            return false;
        }

        private static int role(String column) {
            return switch (column.toLowerCase(Locale.ROOT)) {
                case "user", "user_id", "userid", "uid" -> USER;
                case "item", "item_id", "itemid", "iid" -> ITEM;
                case "rating", "feedback", "value", "label", "click" -> VALUE;
                case "time", "timestamp", "order" -> TIME;
                case "propensity", "exposure_propensity" -> PROPENSITY;
                case "exposure", "exposed" -> EXPOSURE;
                case "position", "rank" -> POSITION;
                default -> -1;
            };
        }

        void read(String[] tokens, Interactions.Builder rows, String name, int line) {
            if (matrix) {
                readMatrixRow(tokens, rows, name, line);
                return;
            }
            int needed = 0;
            for (int c : columnOf) {
                needed = Math.max(needed, c + 1);
            }
            if (tokens.length < needed) {
                throw new RecsysException(name + ":" + line + ": expected " + needed + " fields, found " + tokens.length);
            }
            float value = columnOf[VALUE] < 0 ? 1f : number(tokens[columnOf[VALUE]], "feedback", name, line);
            long time = columnOf[TIME] < 0 ? line : (long) number(tokens[columnOf[TIME]], "time", name, line);
            String user = tokens[columnOf[USER]];
            String item = tokens[columnOf[ITEM]];
            if (user.isEmpty() || item.isEmpty()) {
                throw new RecsysException(name + ":" + line + ": the user or item is empty");
            }
            rows.add(user, item, value, time);
            if (columnOf[PROPENSITY] >= 0) {
                float p = number(tokens[columnOf[PROPENSITY]], "propensity", name, line);
                if (!(p > 0f && p <= 1f)) {
                    throw new RecsysException(name + ":" + line + ": the propensity " + p + " is not in (0, 1]");
                }
                rows.propensity(p);
            }
            if (columnOf[EXPOSURE] >= 0) {
                rows.exposure(number(tokens[columnOf[EXPOSURE]], "exposure", name, line));
            }
            if (columnOf[POSITION] >= 0) {
                rows.position(number(tokens[columnOf[POSITION]], "position", name, line));
            }
        }

        private void readMatrixRow(String[] tokens, Interactions.Builder rows, String name, int line) {
            if (tokens.length != matrixColumns) {
                throw new RecsysException(name + ":" + line + ": a matrix row of " + tokens.length
                        + " values where the first had " + matrixColumns);
            }
            if (matrixRow == 0) {
                numberedIds(tokens.length).forEach(rows.items()::add);
            }
            String user = Integer.toString(matrixRow);
            rows.users().add(user);
            for (int c = 0; c < tokens.length; c++) {
                float v = number(tokens[c], "value", name, line);
                if (v != 0f) {
                    rows.add(user, Integer.toString(c), v, matrixRow * (long) matrixColumns + c);
                }
            }
            matrixRow++;
        }

        private static float number(String token, String what, String name, int line) {
            try {
                float v = Float.parseFloat(token);
                if (!Float.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw new RecsysException(name + ":" + line + ": the " + what + " '" + token + "' is not a number");
            }
        }

        private static boolean allNumbers(String[] tokens) {
            for (String t : tokens) {
                if (!isNumber(t)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isNumber(String token) {
            try {
                Double.parseDouble(token);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** The ids in a dense-matrix file's layout: "0".."n-1". */
    public static List<String> numberedIds(int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
        }
        return ids;
    }
}
