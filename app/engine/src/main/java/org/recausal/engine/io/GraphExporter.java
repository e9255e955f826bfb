package org.recausal.engine.io;

import org.recausal.engine.dag.Dag;

/** Writes a graph in one interchange format. */
@FunctionalInterface
public interface GraphExporter {
    String write(Dag dag);
}
