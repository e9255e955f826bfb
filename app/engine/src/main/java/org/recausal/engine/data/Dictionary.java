package org.recausal.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct labels of a dictionary-encoded column, numbered 0, 1, 2... in order of first appearance.
 * Labels are kept as UTF-8 bytes in one pool and looked up by their bytes, so importing a cell costs no String
 * and no object; a String is made only when a label is asked for.
 */
public final class Dictionary {

    private byte[] pool = new byte[1 << 12];
    private int poolSize;
    private int[] offsets = new int[257];
    private int[] hashes = new int[256];
    private int size;
    /** Open-addressing table of code + 1 (0 = empty slot); kept at most half full. */
    private int[] slots = new int[512];
    private String[] labels = new String[0];

    public int size() {
        return size;
    }

    /** The label with this code. */
    public String label(int code) {
        if (code < 0 || code >= size) {
            throw new IndexOutOfBoundsException("no label with code " + code + " (dictionary has " + size + ")");
        }
        String[] cache = labels;
        if (code >= cache.length) {
            cache = Arrays.copyOf(cache, size);
            labels = cache;
        }
        String label = cache[code];
        if (label == null) {
            label = new String(pool, offsets[code], offsets[code + 1] - offsets[code], StandardCharsets.UTF_8);
            cache[code] = label;
        }
        return label;
    }

    /** The code of a label, or -1 when the column never holds it. */
    public int code(String label) {
        byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
        return find(bytes, 0, bytes.length, hash(bytes, 0, bytes.length));
    }

    /** The code of the label held in {@code bytes[start, end)}, adding it when new. */
    int intern(byte[] bytes, int start, int end) {
        int hash = hash(bytes, start, end);
        int found = find(bytes, start, end, hash);
        return found >= 0 ? found : add(bytes, start, end, hash);
    }

    long estimatedBytes() {
        return 64L + pool.length + 4L * (offsets.length + hashes.length + slots.length) + 8L * labels.length;
    }

    private int find(byte[] bytes, int start, int end, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            int code = entry - 1;
            if (hashes[code] == hash && sameBytes(code, bytes, start, end)) {
                return code;
            }
        }
    }

    private boolean sameBytes(int code, byte[] bytes, int start, int end) {
        int from = offsets[code];
        int length = offsets[code + 1] - from;
        return length == end - start && Arrays.equals(pool, from, from + length, bytes, start, end);
    }

    private int add(byte[] bytes, int start, int end, int hash) {
        int length = end - start;
        if (poolSize + length > pool.length) {
            long wanted = Math.max(2L * pool.length, (long) poolSize + length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new DataException("too many distinct labels to keep in memory (over 2 GB of text)");
            }
            pool = Arrays.copyOf(pool, (int) wanted);
        }
        System.arraycopy(bytes, start, pool, poolSize, length);
        poolSize += length;
        if (size + 1 == hashes.length) {
            hashes = Arrays.copyOf(hashes, hashes.length * 2);
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int code = size++;
        hashes[code] = hash;
        offsets[code + 1] = poolSize;
        if (2 * size > slots.length) {
            rehash();
        } else {
            place(code);
        }
        return code;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        for (int code = 0; code < size; code++) {
            place(code);
        }
    }

    private void place(int code) {
        int mask = slots.length - 1;
        int slot = hashes[code] & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = code + 1;
    }

    private static int hash(byte[] bytes, int start, int end) {
        int h = 0x9747b28c;
        for (int i = start; i < end; i++) {
            h = 31 * h + bytes[i];
        }
        // Spread the bits: labels such as "u1", "u2" differ only in the last byte.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
