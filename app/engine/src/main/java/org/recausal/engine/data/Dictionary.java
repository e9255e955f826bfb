package org.recausal.engine.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The distinct labels of a dictionary-encoded column, numbered 0, 1, 2... in order of first appearance.
 * Labels are kept as UTF-8 bytes in one pool and looked up by their bytes, so importing a cell costs no String
 * and no object; a String is made only when a label is asked for.
 *
 * <p>The lookup table is open-addressed with two longs per slot: the label's first bytes and (code, hash). A label
 * of up to 7 bytes (user and item ids such as {@code u123456} mostly are) is packed whole into the first long with
 * its length, so finding it reads one slot and nothing else: for tens of millions of cells the lookups are bound by
 * memory latency, and this keeps them to one cache miss. Longer labels are confirmed against the pool.
 */
public final class Dictionary {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** In a slot's second long: set for labels packed whole into the first. */
    private static final long SHORT = 1L << 31;
    private static final long CODE_MASK = SHORT - 1;

    private byte[] pool = new byte[1 << 12];
    private int poolSize;
    private int[] offsets = new int[257];
    private int size;
    /** Two longs per slot: packed label or first 8 bytes; hash << 32 | short flag | code + 1 (0 = empty). */
    private long[] slots = new long[2 * 512];
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
        long key = key(bytes, 0, bytes.length);
        return find(bytes, 0, bytes.length, key, hash(bytes, 0, bytes.length, key));
    }

    /** The code of the label held in {@code bytes[start, end)}, adding it when new. */
    int intern(byte[] bytes, int start, int end) {
        long key = key(bytes, start, end);
        int hash = hash(bytes, start, end, key);
        int found = find(bytes, start, end, key, hash);
        return found >= 0 ? found : add(bytes, start, end, key, hash);
    }

    long estimatedBytes() {
        return 64L + pool.length + 4L * offsets.length + 8L * slots.length + 8L * labels.length;
    }

    private int find(byte[] bytes, int start, int end, long key, int hash) {
        long[] table = slots;
        int mask = (table.length >> 1) - 1;
        boolean whole = end - start <= 7;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            long meta = table[2 * slot + 1];
            if (meta == 0) {
                return -1;
            }
            if (table[2 * slot] == key && (int) (meta >>> 32) == hash && ((meta & SHORT) != 0) == whole) {
                int code = (int) (meta & CODE_MASK) - 1;
                if (whole || samePooled(code, bytes, start, end)) {
                    return code;
                }
            }
        }
    }

    private boolean samePooled(int code, byte[] bytes, int start, int end) {
        int from = offsets[code];
        int length = offsets[code + 1] - from;
        return length == end - start && Arrays.equals(pool, from, from + length, bytes, start, end);
    }

    private int add(byte[] bytes, int start, int end, long key, int hash) {
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
        if (size + 1 == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        int code = size++;
        offsets[code + 1] = poolSize;
        long meta = (long) hash << 32 | (length <= 7 ? SHORT : 0) | (code + 1L);
        if (2 * size > slots.length >> 1) {
            grow();
        }
        place(slots, key, meta);
        return code;
    }

    private void grow() {
        long[] old = slots;
        long[] table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] != 0) {
                place(table, old[i], old[i + 1]);
            }
        }
        slots = table;
    }

    private static void place(long[] table, long key, long meta) {
        int mask = (table.length >> 1) - 1;
        int slot = (int) (meta >>> 32) & mask;
        while (table[2 * slot + 1] != 0) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = meta;
    }

    /** Up to 7 bytes with the length in the top byte; for longer labels their first 8 bytes. */
    private static long key(byte[] b, int start, int end) {
        int length = end - start;
        if (length >= 8) {
            return (long) LONGS.get(b, start);
        }
        long packed;
        if (start + 8 <= b.length) {
            packed = (long) LONGS.get(b, start) & ((1L << (8 * length)) - 1);
        } else {
            packed = 0;
            for (int i = length - 1; i >= 0; i--) {
                packed = packed << 8 | (b[start + i] & 0xFF);
            }
        }
        return packed | (long) length << 56;
    }

    private static int hash(byte[] b, int start, int end, long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        for (int i = start + 8; i < end; i++) {
            h = (h + b[i]) * 0x9E3779B97F4A7C15L;
        }
        h ^= (long) (end - start) * 0xC2B2AE3D27D4EB4FL;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int) h;
    }
}
