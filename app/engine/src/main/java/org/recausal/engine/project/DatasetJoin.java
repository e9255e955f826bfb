package org.recausal.engine.project;

import java.util.Objects;

/**
 * How a dataset's rows attach to another's: every row of dataset {@code dataset} gets the columns of the row here
 * whose {@code key} equals its {@code datasetKey} (a left join; user or item attributes onto interactions). The
 * dataset joined to must not itself be joined to another.
 */
public record DatasetJoin(String dataset, String datasetKey, String key) {

    public DatasetJoin {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(datasetKey, "datasetKey");
        Objects.requireNonNull(key, "key");
    }
}
