package org.recausal.engine.data;

import java.util.Arrays;

/** A growable bit sequence, one bit per row: missing flags and boolean values. */
final class Bits {

    private long[] words = new long[16];
    private int size;
    private int ones;

    void add(boolean bit) {
        int word = size >>> 6;
        if (word == words.length) {
            words = Arrays.copyOf(words, words.length + (words.length >> 1));
        }
        if (bit) {
            words[word] |= 1L << size;
            ones++;
        }
        size++;
    }

    boolean get(int index) {
        return (words[index >>> 6] & (1L << index)) != 0;
    }

    int size() {
        return size;
    }

    /** How many bits are set. */
    int ones() {
        return ones;
    }

    long bytes() {
        return 16L + 8L * words.length;
    }
}
