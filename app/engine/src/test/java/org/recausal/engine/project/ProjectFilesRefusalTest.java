package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, hostile and unsupported files are refused with a message that says what is wrong and where. */
class ProjectFilesRefusalTest {
    private static final String GRAPH = """
            {
              "variables": [
                {"name": "a", "role": "exposure", "type": "binary", "description": "", "x": 0, "y": 0},
                {"name": "b", "role": "outcome", "type": "continuous", "description": "", "x": 0, "y": 100}
              ],
              "edges": [ {"from": "a", "to": "b", "note": ""} ]
            }
            """;

    @TempDir
    Path folder;

    static String manifest(int version) {
        return """
                {"format": "recausal-project", "formatVersion": %d, "appVersion": "0.1.0", "name": "t",
                 "parts": [ {"path": "graph.json", "kind": "graph"} ]}
                """.formatted(version);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private Path project(String manifest, String graph) throws IOException {
        return write("p.recausal", TestZips.zip(TestZips.entries("manifest.json", manifest, "graph.json", graph)));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refusing(Path file) {
        return assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(ProjectFileException.class);
    }

    @Test
    void handWrittenValidFileOpens() throws Exception {
        Project project = ProjectFiles.open(project(manifest(1), GRAPH));
        assertThat(project.dag().names()).containsExactly("a", "b");
        assertThat(project.dag().hasEdge("a", "b")).isTrue();
    }

    @Test
    void missingFile() {
        refusing(folder.resolve("nope.recausal")).hasMessage("nope.recausal: does not exist");
    }

    @Test
    void folderInsteadOfFile() throws IOException {
        refusing(Files.createDirectory(folder.resolve("dir.recausal"))).hasMessage("dir.recausal: is not a file");
    }

    @Test
    void emptyFile() throws IOException {
        refusing(write("empty.recausal", new byte[0])).hasMessage("empty.recausal: is empty");
    }

    @Test
    void notAZip() throws IOException {
        refusing(write("text.recausal", "hello, I am a text file".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("text.recausal: is not a Recausal project (not a zip archive)");
    }

    @Test
    void truncatedZip() throws IOException {
        byte[] whole = TestZips.zip(TestZips.entries("manifest.json", manifest(1), "graph.json", GRAPH));
        refusing(write("cut.recausal", Arrays.copyOf(whole, whole.length / 2)))
                .hasMessageStartingWith("cut.recausal: is a damaged or truncated zip archive");
    }

    @Test
    void badJsonIsReportedWithLineAndColumn() throws IOException {
        String broken = """
                {
                  "variables": [
                    {"name": "a",, "role": "exposure"}
                  ]
                }
                """;
        refusing(project(manifest(1), broken))
                .hasMessageStartingWith("p.recausal: graph.json: invalid JSON at line 3, column 18: ");
    }

    @Test
    void duplicateJsonKeys() throws IOException {
        refusing(project(manifest(1), "{\"variables\": [], \"variables\": [], \"edges\": []}"))
                .hasMessageContaining("graph.json: invalid JSON at line 1")
                .hasMessageContaining("Duplicate");
    }

    @Test
    void entriesEscapingTheArchiveAreRefusedAndNothingIsWritten() throws IOException {
        Path inner = Files.createDirectory(folder.resolve("inner"));
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("../evil.json", "points outside the archive ('..')");
        hostile.put("data/../../evil.json", "points outside the archive ('..')");
        hostile.put("/tmp/evil.json", "is an absolute path");
        hostile.put("C:/evil.json", "is an absolute path");
        hostile.put("data\\evil.json", "uses '\\' in its path (only '/' is allowed)");
        for (Map.Entry<String, String> entry : hostile.entrySet()) {
            Path file = Files.write(inner.resolve("p.recausal"), TestZips.zip(TestZips.entries(
                    "manifest.json", manifest(1), "graph.json", GRAPH, entry.getKey(), "{}")));
            refusing(file).hasMessage("p.recausal: contains an entry '" + entry.getKey() + "' that " + entry.getValue());
        }
        try (Stream<Path> all = Files.walk(folder)) {
            assertThat(all).containsExactlyInAnyOrder(folder, inner, inner.resolve("p.recausal"));
        }
    }

    @Test
    void duplicateEntries() throws IOException {
        byte[] zip = TestZips.zip(TestZips.entries("manifest.json", manifest(1), "graph.json", GRAPH,
                "graph.jsoX", GRAPH));
        refusing(write("dup.recausal", TestZips.replaceName(zip, "graph.jsoX", "graph.json")))
                .hasMessage("dup.recausal: contains the entry 'graph.json' twice");
    }

    @Test
    void tooManyEntries() throws IOException {
        Map<String, byte[]> entries = TestZips.entries("manifest.json", manifest(1), "graph.json", GRAPH);
        for (int i = 0; i < ProjectArchive.MAX_ENTRIES; i++) {
            entries.put("junk/" + i, new byte[0]);
        }
        refusing(write("many.recausal", TestZips.zip(entries)))
                .hasMessage("many.recausal: has 1026 entries, more than the 1024 allowed");
    }

    @Test
    void entryDeclaringTenGigabytesIsRefusedBeforeReading() throws IOException {
        byte[] zip = TestZips.zip64Declaring("graph.json", GRAPH.getBytes(StandardCharsets.UTF_8), 10_000_000_000L);
        refusing(write("huge.recausal", zip))
                .hasMessage("huge.recausal: graph.json: declares 9.3 GiB, more than the 1 GiB allowed for one entry");
    }

    @Test
    void jsonPartLargerThanItsLimitIsRefusedByDeclaredSize() throws IOException {
        Map<String, byte[]> entries = TestZips.entries("manifest.json", manifest(1));
        entries.put("graph.json", new byte[(int) ProjectFormat.MAX_JSON_BYTES + 1]);
        refusing(write("big.recausal", TestZips.zip(entries)))
                .hasMessage("big.recausal: graph.json: declares 16.0 MiB, more than the 16 MiB allowed for it");
    }

    @Test
    void entryUnpackingToMoreThanItDeclaresIsStoppedAsAZipBomb() throws IOException {
        Map<String, byte[]> entries = TestZips.entries("manifest.json", manifest(1));
        byte[] spaces = new byte[64 << 20];
        Arrays.fill(spaces, (byte) ' ');
        entries.put("graph.json", spaces);
        byte[] zip = TestZips.zip(entries);
        assertThat(zip.length).as("64 MiB of spaces packs small").isLessThan(1 << 20);
        refusing(write("bomb.recausal", TestZips.declareSize(zip, "graph.json", 1000)))
                .hasMessage("bomb.recausal: graph.json: unpacks to more than the 1000 bytes it declares;"
                        + " refused as a possible zip bomb");
    }

    @Test
    void xmlWithExternalEntitiesIsRefusedWithoutResolvingThem() throws IOException {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String xml = """
                    <?xml version="1.0"?>
                    <!DOCTYPE graph [ <!ENTITY leak SYSTEM "http://127.0.0.1:%d/leak"> ]>
                    <graph>&leak;</graph>
                    """.formatted(trap.getLocalPort());
            refusing(project(manifest(1), xml))
                    .hasMessageStartingWith("p.recausal: graph.json: invalid JSON at line 1, column 1: ");
            refusing(project(xml, GRAPH))
                    .hasMessageStartingWith("p.recausal: manifest.json: invalid JSON at line 1, column 1: ");
            trap.setSoTimeout(300);
            assertThatThrownBy(trap::accept).as("nothing fetched the external entity")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void cycleInTheStoredGraphIsNamed() throws IOException {
        String cyclic = """
                {"variables": [
                  {"name": "a", "role": "ordinary", "type": "continuous", "x": 0, "y": 0},
                  {"name": "b", "role": "ordinary", "type": "continuous", "x": 0, "y": 0},
                  {"name": "c", "role": "ordinary", "type": "continuous", "x": 0, "y": 0}],
                 "edges": [ {"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "a"} ]}
                """;
        refusing(project(manifest(1), cyclic))
                .hasMessage("p.recausal: graph.json: the graph has a cycle, c -> a -> b -> c (closed by edge 3)");
    }

    @Test
    void unknownRoleAndType() throws IOException {
        refusing(project(manifest(1), GRAPH.replace("\"outcome\"", "\"treatment\"")))
                .hasMessage("p.recausal: graph.json: variable 2 ('b') has unknown role 'treatment' (expected one of"
                        + " ordinary, exposure, outcome, adjusted, latent, selection)");
        refusing(project(manifest(1), GRAPH.replace("\"binary\"", "\"boolean\"")))
                .hasMessage("p.recausal: graph.json: variable 1 ('a') has unknown type 'boolean' (expected one of"
                        + " continuous, binary, categorical, count, timestamp)");
    }

    @Test
    void malformedGraphContent() throws IOException {
        refusing(project(manifest(1), GRAPH.replace("\"to\": \"b\"", "\"to\": \"clik\"")))
                .hasMessage("p.recausal: graph.json: edge 1 (a -> clik) names unknown variable 'clik'");
        refusing(project(manifest(1), GRAPH.replace("\"name\": \"b\"", "\"name\": \"A\"")))
                .hasMessageStartingWith("p.recausal: graph.json: variable 2 ('A'): A variable called 'a' already exists");
        refusing(project(manifest(1), GRAPH.replace("\"name\": \"b\"", "\"name\": \"two words\"")))
                .hasMessageStartingWith("p.recausal: graph.json: variable 2 ('two words'): Variable name 'two words'");
        refusing(project(manifest(1), GRAPH.replace("\"x\": 0, \"y\": 100", "\"x\": \"left\", \"y\": 100")))
                .hasMessage("p.recausal: graph.json: variable 2 ('b'): \"x\" must be a number, found the text \"left\"");
        refusing(project(manifest(1), "{\"variables\": {}, \"edges\": []}"))
                .hasMessage("p.recausal: graph.json: \"variables\" must be a list, found an object");
        refusing(project(manifest(1), "[]"))
                .hasMessage("p.recausal: graph.json: expected a JSON object but found a list");
    }

    @Test
    void missingManifest() throws IOException {
        refusing(write("p.recausal", TestZips.zip(TestZips.entries("graph.json", GRAPH))))
                .hasMessage("p.recausal: is not a Recausal project (it has no manifest.json)");
    }

    @Test
    void missingGraph() throws IOException {
        refusing(write("p.recausal", TestZips.zip(TestZips.entries("manifest.json", manifest(1)))))
                .hasMessage("p.recausal: manifest.json: lists 'graph.json' but the file has no such JSON entry");
        refusing(project(manifest(1).replace("{\"path\": \"graph.json\", \"kind\": \"graph\"}", ""), GRAPH))
                .hasMessage("p.recausal: manifest.json: lists no graph part");
    }

    @Test
    void unknownPartKind() throws IOException {
        refusing(project(manifest(1).replace("\"kind\": \"graph\"", "\"kind\": \"hologram\""), GRAPH))
                .hasMessage("p.recausal: manifest.json: part 'graph.json' has unknown kind 'hologram' (expected graph, dataset, notes, scenarios, results, scm, recommender, policies)");
    }

    @Test
    void otherFormatsAreNotProjects() throws IOException {
        refusing(project(manifest(1).replace("recausal-project", "word-document"), GRAPH))
                .hasMessage("p.recausal: is not a Recausal project (manifest.json has format 'word-document',"
                        + " expected 'recausal-project')");
    }

    @Test
    void newerFormatVersionSaysSo() throws IOException {
        int newer = ProjectFormat.VERSION + 1;
        refusing(project(manifest(newer), GRAPH))
                .hasMessage("p.recausal: was made by a newer Recausal (format " + newer + "); this version reads up to "
                        + ProjectFormat.VERSION);
    }

    @Test
    void impossibleFormatVersions() throws IOException {
        refusing(project(manifest(0), GRAPH))
                .hasMessage("p.recausal: manifest.json: \"formatVersion\" must be 1 or more, found 0");
        refusing(project(manifest(1).replace("\"formatVersion\": 1", "\"formatVersion\": \"1\""), GRAPH))
                .hasMessage("p.recausal: manifest.json: \"formatVersion\" must be a whole number, found the text \"1\"");
    }
}
