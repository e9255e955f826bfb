package org.recausal.engine.recsys.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An interaction log in columns: user, item, feedback value (1 for implicit feedback, the rating for explicit),
 * time or order, and the optional propensity, exposure and position columns. Users and items are dense indices
 * into two {@link IdIndex}es that subsets and the test set of the same data share.
 */
public final class Interactions {
    private final IdIndex users;
    private final IdIndex items;
    private final int[] user;
    private final int[] item;
    private final float[] value;
    private final long[] time;
    private final float[] propensity;
    private final float[] exposure;
    private final float[] position;

    Interactions(IdIndex users, IdIndex items, int[] user, int[] item, float[] value, long[] time,
            float[] propensity, float[] exposure, float[] position) {
        this.users = users;
        this.items = items;
        this.user = user;
        this.item = item;
        this.value = value;
        this.time = time;
        this.propensity = propensity;
        this.exposure = exposure;
        this.position = position;
    }

    public static Builder builder(IdIndex users, IdIndex items) {
        return new Builder(users, items);
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex items() {
        return items;
    }

    public int size() {
        return user.length;
    }

    public int user(int row) {
        return user[row];
    }

    public int item(int row) {
        return item[row];
    }

    public float value(int row) {
        return value[row];
    }

    /**
     * A digest of the rows' users, items and feedback values in row order (hex, 16 digits): logs read alike from the
     * same data have the same digest, and a changed, added or dropped rating changes it.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer bits = ByteBuffer.allocate(4);
            for (int r = 0; r < size(); r++) {
                digest.update(users.id(user[r]).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(items.id(item[r]).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bits.putFloat(0, value[r]).array());
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    public long time(int row) {
        return time[row];
    }

    public boolean hasPropensity() {
        return propensity != null;
    }

    /** The logged propensity of the row; only when {@link #hasPropensity()}. */
    public float propensity(int row) {
        return propensity[row];
    }

    public boolean hasExposure() {
        return exposure != null;
    }

    public float exposure(int row) {
        return exposure[row];
    }

    public boolean hasPosition() {
        return position != null;
    }

    public float position(int row) {
        return position[row];
    }

    /** Whether every value is 0 or 1 (implicit feedback) rather than a rating scale. */
    public boolean isImplicit() {
        for (float v : value) {
            if (v != 0f && v != 1f) {
                return false;
            }
        }
        return true;
    }

    /** The given rows, in the given order, with the same id indices. */
    public Interactions rows(int[] rows) {
        return new Interactions(users, items, pick(user, rows), pick(item, rows), pick(value, rows), pick(time, rows),
                pick(propensity, rows), pick(exposure, rows), pick(position, rows));
    }

    /** How many interactions each user has (by user index, over all users known to the index). */
    public int[] userCounts() {
        return counts(user, users.size());
    }

    /** How many interactions each item has: its popularity in this log. */
    public int[] itemCounts() {
        return counts(item, items.size());
    }

    private static int[] counts(int[] column, int n) {
        int[] counts = new int[n];
        for (int v : column) {
            counts[v]++;
        }
        return counts;
    }

    private static int[] pick(int[] column, int[] rows) {
        int[] out = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = column[rows[r]];
        }
        return out;
    }

    private static long[] pick(long[] column, int[] rows) {
        long[] out = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = column[rows[r]];
        }
        return out;
    }

    private static float[] pick(float[] column, int[] rows) {
        if (column == null) {
            return null;
        }
        float[] out = new float[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = column[rows[r]];
        }
        return out;
    }

    /** Collects rows; optional columns exist when any row gave them (missing entries are NaN). */
    public static final class Builder {
        private final IdIndex users;
        private final IdIndex items;
        private int size;
        private int[] user = new int[1024];
        private int[] item = new int[1024];
        private float[] value = new float[1024];
        private long[] time = new long[1024];
        private float[] propensity;
        private float[] exposure;
        private float[] position;

        Builder(IdIndex users, IdIndex items) {
            this.users = users;
            this.items = items;
        }

        public Builder add(String userId, String itemId, float feedback, long order) {
            return add(users.add(userId), items.add(itemId), feedback, order);
        }

        public Builder add(int u, int i, float feedback, long order) {
            if (size == user.length) {
                int capacity = size * 2;
                user = Arrays.copyOf(user, capacity);
                item = Arrays.copyOf(item, capacity);
                value = Arrays.copyOf(value, capacity);
                time = Arrays.copyOf(time, capacity);
                propensity = grow(propensity, capacity);
                exposure = grow(exposure, capacity);
                position = grow(position, capacity);
            }
            user[size] = u;
            item[size] = i;
            value[size] = feedback;
            time[size] = order;
            size++;
            return this;
        }

        /** Sets the propensity of the row added last. */
        public Builder propensity(float p) {
            propensity = set(propensity, p);
            return this;
        }

        public Builder exposure(float e) {
            exposure = set(exposure, e);
            return this;
        }

        public Builder position(float p) {
            position = set(position, p);
            return this;
        }

        public int size() {
            return size;
        }

        public IdIndex users() {
            return users;
        }

        public IdIndex items() {
            return items;
        }

        private float[] set(float[] column, float v) {
            float[] c = column;
            if (c == null) {
                c = new float[user.length];
                Arrays.fill(c, Float.NaN);
            }
            c[size - 1] = v;
            return c;
        }

        private static float[] grow(float[] column, int capacity) {
            if (column == null) {
                return null;
            }
            float[] c = Arrays.copyOf(column, capacity);
            Arrays.fill(c, column.length, capacity, Float.NaN);
            return c;
        }

        public Interactions build() {
            return new Interactions(users, items, Arrays.copyOf(user, size), Arrays.copyOf(item, size),
                    Arrays.copyOf(value, size), Arrays.copyOf(time, size), trim(propensity), trim(exposure), trim(position));
        }

        private float[] trim(float[] column) {
            return column == null ? null : Arrays.copyOf(column, size);
        }
    }
}
