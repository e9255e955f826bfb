package org.recausal.engine.project;

/** Names and numbers of the project file format, described in {@code docs/project-format.md}. */
final class ProjectFormat {
    /** The {@code format} field of every manifest: tells a project file from any other zip. */
    static final String FORMAT_ID = "recausal-project";
    /** Bumped whenever the files written change in a way an older reader would misread. */
    static final int VERSION = 4;

    static final String MANIFEST = "manifest.json";
    static final String GRAPH = "graph.json";
    static final String GRAPH_KIND = "graph";
    /** Version 2: one part per attached dataset, {@code datasets/<id>.json}. */
    static final String DATASET_KIND = "dataset";
    static final String DATASETS_FOLDER = "datasets/";
    /** Embedded data files, {@code data/<id>.csv}: the only entries that are compressed. */
    static final String DATA_FOLDER = "data/";

    /** Version 3: the analyst's notes, Markdown text. */
    static final String NOTES = "notes.md";
    static final String NOTES_KIND = "notes";
    /** Version 3: the scenarios, in order, and their last results. */
    static final String SCENARIOS = "scenarios.json";
    static final String SCENARIOS_KIND = "scenarios";
    static final String RESULTS = "results.json";
    static final String RESULTS_KIND = "results";
    /** Version 3: the fitted structural causal model and the binary entry of its large arrays. */
    static final String SCM = "scm/model.json";
    static final String SCM_KIND = "scm";
    static final String SCM_ARRAYS = "scm/arrays.bin";
    /** Version 3: one part per trained recommender, {@code recommenders/<id>.json}, its model in {@code models/<id>.bin}. */
    static final String RECOMMENDER_KIND = "recommender";
    static final String RECOMMENDERS_FOLDER = "recommenders/";
    static final String MODELS_FOLDER = "models/";

    /** Version 4: the policy scenarios and their last results. */
    static final String POLICIES = "policies.json";
    static final String POLICIES_KIND = "policies";

    /** A limit on each JSON part; a graph of thousands of variables is well under a megabyte. */
    static final long MAX_JSON_BYTES = 16L << 20;

    private ProjectFormat() {
    }
}
