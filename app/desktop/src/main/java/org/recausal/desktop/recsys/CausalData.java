package org.recausal.desktop.recsys;

import java.util.function.Supplier;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.project.ProjectData;

/**
 * What the DAG-based propensities read, taken on the UI thread when training starts: a copy of the graph, and the
 * project's data joined and mapped (assembled wherever the supplier is called, off the UI thread).
 */
public record CausalData(Dag dag, Supplier<ProjectData> data) {
}
