package org.recausal.engine.project;

/** Names and numbers of the project file format, described in {@code docs/project-format.md}. */
final class ProjectFormat {
    /** The {@code format} field of every manifest: tells a project file from any other zip. */
    static final String FORMAT_ID = "recausal-project";
    /** Bumped whenever the files written change in a way an older reader would misread. */
    static final int VERSION = 2;

    static final String MANIFEST = "manifest.json";
    static final String GRAPH = "graph.json";
    static final String GRAPH_KIND = "graph";
    /** Version 2: one part per attached dataset, {@code datasets/<id>.json}. */
    static final String DATASET_KIND = "dataset";
    static final String DATASETS_FOLDER = "datasets/";
    /** Embedded data files, {@code data/<id>.csv}: the only entries that are compressed. */
    static final String DATA_FOLDER = "data/";

    /** A limit on each JSON part; a graph of thousands of variables is well under a megabyte. */
    static final long MAX_JSON_BYTES = 16L << 20;

    private ProjectFormat() {
    }
}
