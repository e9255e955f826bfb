package org.recausal.engine.data;

import java.util.Arrays;

/** A growable sequence of ints in fixed-size chunks; see {@link LongChunks} for why chunks. */
final class IntChunks {

    private static final int SHIFT = LongChunks.SHIFT;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;

    private int[][] chunks = new int[4][];
    private int size;

    void add(int value) {
        int chunk = size >>> SHIFT;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new int[CHUNK];
        }
        chunks[chunk][size & MASK] = value;
        size++;
    }

    int get(int index) {
        return chunks[index >>> SHIFT][index & MASK];
    }

    int size() {
        return size;
    }

    long bytes() {
        long allocated = 0;
        for (int[] chunk : chunks) {
            if (chunk != null) {
                allocated += 16L + 4L * chunk.length;
            }
        }
        return allocated + 16L + 8L * chunks.length;
    }
}
