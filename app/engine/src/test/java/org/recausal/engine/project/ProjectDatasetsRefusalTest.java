package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.data.DataException;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/** Hostile or damaged dataset parts are refused with the part and the problem named; nothing is extracted. */
class ProjectDatasetsRefusalTest {

    private static final String DATA = "a,b\n1,2\n3,4\n";
    private static final String GRAPH = """
            {"variables": [ {"name": "a", "role": "ordinary", "type": "count", "x": 0, "y": 0} ], "edges": []}
            """;

    @TempDir
    Path folder;

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static String manifest(String... datasetParts) {
        StringBuilder parts = new StringBuilder("{\"path\": \"graph.json\", \"kind\": \"graph\"}");
        for (String part : datasetParts) {
            parts.append(", {\"path\": \"").append(part).append("\", \"kind\": \"dataset\"}");
        }
        return """
                {"format": "recausal-project", "formatVersion": 2, "appVersion": "0.1.0", "name": "t", "parts": [%s]}
                """.formatted(parts);
    }

    /** A valid embedded dataset part; {@code edit} replaces one text in it. */
    private static String dataset(String... edits) throws Exception {
        String json = """
                {"id": "d", "name": "d", "storage": "embedded", "entry": "data/d.csv", "fileName": "d.csv",
                 "size": %d, "sha256": "%s",
                 "import": {"delimiter": "auto", "header": "auto", "columnTypes": {}, "problemPolicies": {},
                            "missingTokens": ["", "NA"], "sampleRecords": 10000},
                 "columns": [ {"name": "a", "type": "integer", "distinct": 2} ],
                 "mapping": {"links": {}, "excluded": []}}
                """.formatted(DATA.length(), sha256(DATA.getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < edits.length; i += 2) {
            json = json.replace(edits[i], edits[i + 1]);
        }
        return json;
    }

    private Path write(Map<String, byte[]> entries) throws IOException {
        return Files.write(folder.resolve("p.recausal"), TestZips.zip(entries));
    }

    private Path project(String datasetJson) throws IOException {
        return write(TestZips.entries("manifest.json", manifest("datasets/d.json"), "graph.json", GRAPH,
                "datasets/d.json", datasetJson, "data/d.csv", DATA));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> refusing(Path file) {
        return assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(ProjectFileException.class);
    }

    @Test
    void aHandWrittenEmbeddedDatasetOpensAndLoads() throws Exception {
        Project project = ProjectFiles.open(project(dataset()));
        assertThat(Datasets.load(project.datasets().getFirst(), ProgressListener.NONE, new CancellationToken())
                .table().rowCount()).isEqualTo(2);
    }

    @Test
    void fieldsAreChecked() throws Exception {
        refusing(project(dataset("\"sha256\": \"", "\"sha256\": \"beef")))
                .hasMessageStartingWith("p.recausal: datasets/d.json: a SHA-256 is 64 lower-case hex digits, not 'beef");
        refusing(project(dataset("\"storage\": \"embedded\"", "\"storage\": \"cloud\"")))
                .hasMessage("p.recausal: datasets/d.json: unknown \"storage\" 'cloud' (expected embedded or reference)");
        refusing(project(dataset("\"id\": \"d\"", "\"id\": \"e\"")))
                .hasMessage("p.recausal: datasets/d.json: holds dataset 'e', which belongs in datasets/e.json");
        refusing(project(dataset("\"type\": \"integer\"", "\"type\": \"matrix\"")))
                .hasMessage("p.recausal: datasets/d.json: column 1: unknown type 'matrix' (expected one of integer, "
                        + "decimal, boolean, categorical, timestamp, id)");
        refusing(project(dataset("\"delimiter\": \"auto\"", "\"delimiter\": \"emoji\"")))
                .hasMessageContaining("datasets/d.json: import: unknown delimiter 'emoji'");
        refusing(project(dataset("\"size\": " + DATA.length(), "\"size\": -1")))
                .hasMessage("p.recausal: datasets/d.json: a size cannot be negative: -1");
        refusing(project(dataset("\"mapping\": {\"links\": {}, \"excluded\": []}",
                "\"mapping\": {\"links\": {\"a\": \"a\"}, \"excluded\": [\"a\"]}")))
                .hasMessage("p.recausal: datasets/d.json: mapping: column 'a' cannot be both linked to node 'a' and "
                        + "left out");
        refusing(project(dataset("\"columns\"", "\"join\": {\"dataset\": \"nope\", \"datasetKey\": \"a\", \"key\": \"a\"}, "
                + "\"columns\"")))
                .hasMessage("p.recausal: datasets/d.json: dataset 'd' is joined to 'nope', which the project does not have");
    }

    @Test
    void embeddedEntriesMustBeInsideTheDataFolderAndPresent() throws Exception {
        refusing(project(dataset("\"entry\": \"data/d.csv\"", "\"entry\": \"../d.csv\"")))
                .hasMessage("p.recausal: datasets/d.json: \"entry\" '../d.csv' points outside the archive ('..')");
        refusing(project(dataset("\"entry\": \"data/d.csv\"", "\"entry\": \"graph.json\"")))
                .hasMessage("p.recausal: datasets/d.json: \"entry\" 'graph.json' must lie in data/ and not end in .json");
        refusing(project(dataset("\"entry\": \"data/d.csv\"", "\"entry\": \"data/other.csv\"")))
                .hasMessage("p.recausal: datasets/d.json: the embedded data 'data/other.csv' is missing from the file");
        refusing(project(dataset("\"size\": " + DATA.length(), "\"size\": 5")))
                .hasMessage("p.recausal: data/d.csv: declares " + DATA.length() + " bytes, but datasets/d.json says 5");
    }

    @Test
    void anEntryInflatingBeyondItsDeclaredSizeIsStoppedWhenLoaded() throws Exception {
        // The central directory and the dataset agree on 12 bytes, but the entry inflates to 100,004.
        String big = "a,b\n" + "1,2\n".repeat(25_000);
        byte[] zip = TestZips.zip(TestZips.entries("manifest.json", manifest("datasets/d.json"), "graph.json", GRAPH,
                "datasets/d.json", dataset(), "data/d.csv", big));
        Path file = Files.write(folder.resolve("p.recausal"), TestZips.declareSize(zip, "data/d.csv", DATA.length()));
        Project project = ProjectFiles.open(file);
        assertThatThrownBy(() -> Datasets.load(project.datasets().getFirst(), ProgressListener.NONE,
                new CancellationToken()))
                .isInstanceOf(DataException.class)
                .hasMessage("cannot read d.csv: data/d.csv unpacks to more than the " + DATA.length()
                        + " bytes it declares; refused as a possible zip bomb");
    }

    @Test
    void referencedPathsAreCheckedAndAMissingFileIsAStatusNotAnError() throws Exception {
        String reference = dataset("\"storage\": \"embedded\", \"entry\": \"data/d.csv\"",
                "\"storage\": \"reference\", \"path\": \"../shared/d.csv\"");
        OpenedProject opened = ProjectFiles.openChecked(project(reference));
        assertThat(opened.datasets()).singleElement().extracting(DatasetStatus::state)
                .isEqualTo(DatasetStatus.State.MISSING);
        assertThat(((DatasetSource.Referenced) opened.project().datasets().getFirst().source()).file())
                .isEqualTo(folder.getParent().resolve("shared/d.csv").toAbsolutePath());
        refusing(project(dataset("\"storage\": \"embedded\", \"entry\": \"data/d.csv\"",
                "\"storage\": \"reference\", \"path\": \"a\\\\b.csv\"")))
                .hasMessage("p.recausal: datasets/d.json: \"path\" 'a\\b.csv' is not a path with '/' separators");
    }

    @Test
    void manifestMustListTheDatasetPart() throws Exception {
        Path file = write(TestZips.entries("manifest.json", manifest("datasets/d.json"), "graph.json", GRAPH));
        refusing(file).hasMessage("p.recausal: manifest.json: lists 'datasets/d.json' but the file has no such JSON entry");
    }
}
