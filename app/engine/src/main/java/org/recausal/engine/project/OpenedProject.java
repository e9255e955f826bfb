package org.recausal.engine.project;

import java.util.List;

/** A project as opened, with the status of each dataset's data (in the project's order). */
public record OpenedProject(Project project, List<DatasetStatus> datasets) {

    public OpenedProject {
        datasets = List.copyOf(datasets);
    }

    /** Whether every dataset's data are there, unchanged. */
    public boolean allDataOk() {
        return datasets.stream().allMatch(DatasetStatus::ok);
    }
}
