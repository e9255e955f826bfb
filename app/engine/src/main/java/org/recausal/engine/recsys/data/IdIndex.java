package org.recausal.engine.recsys.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense indices 0..n-1 for external user or item ids, in order of first appearance. */
public final class IdIndex {
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> indices = new HashMap<>();

    public static IdIndex of(List<String> ids) {
        IdIndex index = new IdIndex();
        ids.forEach(index::add);
        return index;
    }

    /** The index of {@code id}, given a new one when it is not known yet. */
    public int add(String id) {
        Integer known = indices.get(id);
        if (known != null) {
            return known;
        }
        ids.add(id);
        indices.put(id, ids.size() - 1);
        return ids.size() - 1;
    }

    /** The index of {@code id}, or -1 when it is not known. */
    public int indexOf(String id) {
        Integer known = indices.get(id);
        return known == null ? -1 : known;
    }

    public String id(int index) {
        return ids.get(index);
    }

    public int size() {
        return ids.size();
    }

    public List<String> ids() {
        return Collections.unmodifiableList(ids);
    }
}
