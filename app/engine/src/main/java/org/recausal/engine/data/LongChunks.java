package org.recausal.engine.data;

import java.util.Arrays;

/**
 * A growable sequence of longs kept in fixed-size chunks, so growing never copies the data already stored and
 * needs no contiguous block of tens of millions of elements. Doubles are stored as their raw bits.
 */
final class LongChunks {

    static final int SHIFT = 16;
    static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private long[][] chunks = new long[4][];
    private int size;

    void add(long value) {
        int chunk = size >>> SHIFT;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new long[CHUNK];
        }
        chunks[chunk][size & MASK] = value;
        size++;
    }

    long get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    int size() {
        return size;
    }

    long bytes() {
        long allocated = 0;
        for (long[] chunk : chunks) {
            if (chunk != null) {
                allocated += 16L + 8L * chunk.length;
            }
        }
        return allocated + 16L + 8L * chunks.length;
    }
}
