package org.recausal.engine.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntConsumer;

/** A mutable set of vertex numbers of an {@link IndexedGraph}: a {@link BitSet} with set-algebra names. */
final class VertexSet {
    private final BitSet bits;

    VertexSet(int capacity) {
        bits = new BitSet(capacity);
    }

    private VertexSet(BitSet bits) {
        this.bits = bits;
    }

    static VertexSet of(int capacity, int... vertices) {
        VertexSet set = new VertexSet(capacity);
        for (int v : vertices) {
            set.add(v);
        }
        return set;
    }

    /** Adds {@code v}; true when it was not there before. */
    boolean add(int v) {
        if (bits.get(v)) {
            return false;
        }
        bits.set(v);
        return true;
    }

    void remove(int v) {
        bits.clear(v);
    }

    boolean contains(int v) {
        return bits.get(v);
    }

    boolean isEmpty() {
        return bits.isEmpty();
    }

    int size() {
        return bits.cardinality();
    }

    int first() {
        return bits.nextSetBit(0);
    }

    boolean intersects(VertexSet other) {
        return bits.intersects(other.bits);
    }

    boolean containsAll(VertexSet other) {
        BitSet rest = (BitSet) other.bits.clone();
        rest.andNot(bits);
        return rest.isEmpty();
    }

    VertexSet copy() {
        return new VertexSet((BitSet) bits.clone());
    }

    VertexSet union(VertexSet other) {
        BitSet result = (BitSet) bits.clone();
        result.or(other.bits);
        return new VertexSet(result);
    }

    VertexSet intersection(VertexSet other) {
        BitSet result = (BitSet) bits.clone();
        result.and(other.bits);
        return new VertexSet(result);
    }

    VertexSet minus(VertexSet other) {
        BitSet result = (BitSet) bits.clone();
        result.andNot(other.bits);
        return new VertexSet(result);
    }

    void addAll(VertexSet other) {
        bits.or(other.bits);
    }

    void removeAll(VertexSet other) {
        bits.andNot(other.bits);
    }

    void forEach(IntConsumer action) {
        for (int v = bits.nextSetBit(0); v >= 0; v = bits.nextSetBit(v + 1)) {
            action.accept(v);
        }
    }

    /** The members in increasing order. */
    int[] toArray() {
        return bits.stream().toArray();
    }

    List<Integer> toList() {
        List<Integer> list = new ArrayList<>();
        forEach(list::add);
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VertexSet other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return bits.toString();
    }
}
