package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.scm.FitOptions;
import org.recausal.engine.scm.ModelChoice;
import org.recausal.engine.scm.StructuralCausalModel;
import org.recausal.engine.simulate.KnownModels;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Damaged or hostile model, recommender, notes, scenario and result parts are refused with a message naming the
 * part and what is wrong, without allocating what a hostile count claims.
 */
class ArtefactRefusalTest {
    @TempDir
    static Path folder;

    private static Map<String, byte[]> saved;

    @BeforeAll
    static void saveAProjectWithEverything() throws Exception {
        StructuralCausalModel truth = ScmPersistenceTest.mixedTruth();
        Dag dag = KnownModels.dagOf(truth);
        Project project = RecommenderPersistenceTest.withRecommenders(folder);
        Project modelled = new Project("everything", dag);
        project.datasets().forEach(modelled::addDataset);
        project.recommenders().forEach(modelled::addRecommender);
        modelled.setNotes("notes");
        modelled.addScenario(ProjectAnalysisTest.raise("raise X"));
        modelled.setScenarioResult(new StoredResult(ProjectAnalysisTest.result(ProjectAnalysisTest.raise("raise X"),
                0), ProjectAnalysisTest.fingerprint('e')));
        FitOptions options = FitOptions.defaults().withChoice(ModelChoice.BOOSTED).withChoice("Y", ModelChoice.LINEAR);
        modelled.setScm(StoredScm.of(ScmPersistenceTest.fit(dag, truth.sample(600, 2), options), modelled));
        Path file = folder.resolve("everything.recausal");
        ProjectFiles.save(modelled, file);
        saved = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    saved.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(ProjectFiles.open(file).scm()).isPresent();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, byte[]> entries) throws IOException {
        Path file = Files.write(folder.resolve("tampered.recausal"), TestZips.zip(entries));
        return assertThatThrownBy(() -> ProjectFiles.open(file)).isInstanceOf(ProjectFileException.class);
    }

    private static Map<String, byte[]> editJson(String part, Consumer<ObjectNode> edit) throws ProjectFileException {
        Map<String, byte[]> entries = new LinkedHashMap<>(saved);
        ObjectNode json = PartJson.parseObject(part, entries.get(part));
        edit.accept(json);
        entries.put(part, PartJson.write(json));
        return entries;
    }

    private static Map<String, byte[]> editNode(String node, Consumer<ObjectNode> edit) throws ProjectFileException {
        return editJson("scm/model.json", json -> {
            for (var item : json.get("nodes")) {
                if (item.get("name").stringValue().equals(node)) {
                    edit.accept((ObjectNode) item);
                }
            }
        });
    }

    /** Where node {@code node}'s array {@code name} lies in scm/arrays.bin (its offset and count). */
    private static ObjectNode reference(String node, String section, String name) throws ProjectFileException {
        ObjectNode json = PartJson.parseObject("scm/model.json", saved.get("scm/model.json"));
        for (var item : json.get("nodes")) {
            if (item.get("name").stringValue().equals(node)) {
                return (ObjectNode) (section.equals("noise") ? item.get("noise").get(name)
                        : item.get("model").get(section).get(name));
            }
        }
        throw new AssertionError(node);
    }

    @Test
    void unknownMechanismAndModelKinds() throws Exception {
        refused(editNode("Z", n -> n.put("mechanism", "neural"))).hasMessage(
                "tampered.recausal: scm/model.json: node 1 ('Z'): unknown mechanism 'neural' (expected additive-noise"
                        + " or discrete)");
        refused(editNode("Y", n -> ((ObjectNode) n.get("model")).put("kind", "svm"))).hasMessageContaining(
                "scm/model.json: node 5 ('Y'): model 'svm': unknown regression kind 'svm'");
        refused(editNode("B", n -> n.put("mechanism", "additive-noise"))).hasMessageContaining(
                "('B'): an additive-noise mechanism needs a numeric node");
        refused(editNode("Y", n -> ((ObjectNode) n.get("noise")).put("kind", "cauchy"))).hasMessageContaining(
                "('Y'): noise: unknown noise 'cauchy'");
        refused(editNode("Y", n -> ((ObjectNode) n.get("scale")).put("kind", "ordinal"))).hasMessageContaining(
                "('Y'): scale: unknown scale 'ordinal'");
    }

    @Test
    void parametersThatAreNotNumbersOrDoNotFit() throws Exception {
        refused(editNode("Y", n -> ((ArrayNode) n.get("model").get("reals").get("coefficients")).set(1, "NaN")))
                .hasMessageContaining("('Y'): model: reals: coefficients: value 2 is not a number");
        refused(editNode("Y", n -> ((ArrayNode) n.get("model").get("reals").get("coefficients")).add(1.0)))
                .hasMessageContaining("('Y'): model 'linear': \"coefficients\" holds 6 numbers, the model needs 5");
        refused(editNode("Y", n -> ((ObjectNode) n.get("model").get("numbers")).putNull("totalWeight")))
                .hasMessageContaining("\"totalWeight\" is NaN, not a finite number");
        // A NaN written into the binary residuals of Y.
        ObjectNode residuals = reference("Y", "noise", "residuals");
        Map<String, byte[]> nan = new LinkedHashMap<>(saved);
        byte[] arrays = nan.get("scm/arrays.bin").clone();
        ByteBuffer.wrap(arrays).order(ByteOrder.LITTLE_ENDIAN).putDouble(residuals.get("offset").intValue() + 16,
                Double.NaN);
        nan.put("scm/arrays.bin", arrays);
        refused(nan).hasMessageContaining("('Y'): noise: residual 3 is NaN, not a finite number");
        // An infinite split threshold in C's boosted trees.
        ObjectNode values = reference("C", "reals", "value");
        Map<String, byte[]> badTree = new LinkedHashMap<>(saved);
        byte[] trees = badTree.get("scm/arrays.bin").clone();
        ByteBuffer.wrap(trees).order(ByteOrder.LITTLE_ENDIAN).putDouble(values.get("offset").intValue(),
                Double.POSITIVE_INFINITY);
        badTree.put("scm/arrays.bin", trees);
        refused(badTree).hasMessageContaining("('C'): model 'boosted-classifier': \"value\" value 1 is Infinity,"
                + " not a finite number");
    }

    @Test
    void truncatedArraysAndHugeDeclaredCounts() throws Exception {
        Map<String, byte[]> truncated = new LinkedHashMap<>(saved);
        byte[] arrays = saved.get("scm/arrays.bin");
        truncated.put("scm/arrays.bin", java.util.Arrays.copyOf(arrays, arrays.length / 2));
        refused(truncated).hasMessageContaining("of scm/arrays.bin, which holds " + arrays.length / 2 + " bytes");
        refused(editNode("Y", n -> ((ObjectNode) n.get("noise").get("residuals")).put("count", 1L << 40)))
                .hasMessageContaining("('Y'): noise: residuals refers to 1099511627776 values");
        refused(editNode("Y", n -> ((ObjectNode) n.get("noise").get("residuals")).put("offset", -8)))
                .hasMessageContaining("refers to");
        Map<String, byte[]> missing = new LinkedHashMap<>(saved);
        missing.remove("scm/arrays.bin");
        refused(missing).hasMessageContaining("scm/model.json: names scm/arrays.bin, which the file does not have");
    }

    @Test
    void nodesOutOfOrderOrNamedTwice() throws Exception {
        refused(editJson("scm/model.json", json -> {
            ArrayNode nodes = (ArrayNode) json.get("nodes");
            nodes.add(nodes.remove(0));
        })).hasMessageContaining("node 1 ('C') reads 'Z', which is not a node listed before it");
        refused(editJson("scm/model.json", json -> ((ObjectNode) json.get("options")).put("noise", "pink")))
                .hasMessageContaining("scm/model.json: options: unknown noise 'pink'");
        refused(editJson("scm/model.json", json -> ((ObjectNode) json.get("fittedOn")).put("data", "xyz")))
                .hasMessageContaining("scm/model.json: fittedOn: a fingerprint digest is 64 lower-case hex digits");
    }

    @Test
    void damagedRecommenders() throws Exception {
        refused(editJson("recommenders/mf-ips.json", json -> json.put("kind", "bpr"))).hasMessageContaining(
                "recommenders/mf-ips.json: says kind 'bpr' but models/mf-ips.bin holds a 'mf' model");
        refused(editJson("recommenders/mf-ips.json", json -> json.put("size", 5))).hasMessageContaining(
                "models/mf-ips.bin: declares");
        refused(editJson("recommenders/mf-ips.json", json -> json.put("entry", "../x.bin"))).hasMessageContaining(
                "recommenders/mf-ips.json: \"entry\" must be models/mf-ips.bin");
        refused(editJson("recommenders/mf-ips.json", json -> json.put("sha256", "0".repeat(64))))
                .hasMessageContaining("models/mf-ips.bin: its SHA-256 differs");
        // A truncated model, its size and SHA-256 made to match, so that the model file itself is read.
        byte[] model = saved.get("models/mf-ips.bin");
        byte[] half = java.util.Arrays.copyOf(model, model.length / 2);
        Map<String, byte[]> truncated = editJson("recommenders/mf-ips.json", json -> json.put("size", half.length)
                .put("sha256", sha256(half)));
        truncated.put("models/mf-ips.bin", half);
        refused(truncated).hasMessageStartingWith("tampered.recausal: models/mf-ips.bin: ");
        // A model file claiming fifty million users: refused by what its entries hold, nothing allocated for them.
        byte[] inner = TestZips.zip(TestZips.entries("model.json", """
                {"format": "recausal-recommender", "version": 1, "kind": "mf", "users": 50000000, "items": 5,
                 "settings": {"factors": 2}, "weights": 10}""", "users.txt", "ann\n", "items.txt", "a\nb\nc\nd\ne\n",
                "histories.bin", "", "weights.bin", ""));
        Map<String, byte[]> huge = editJson("recommenders/mf-ips.json", json -> json.put("size", inner.length)
                .put("sha256", sha256(inner)));
        huge.put("models/mf-ips.bin", inner);
        refused(huge).hasMessageContaining("models/mf-ips.bin: users.txt lists 1 ids, model.json says 50000000");
    }

    @Test
    void damagedNotesScenariosAndResults() throws Exception {
        Map<String, byte[]> notes = new LinkedHashMap<>(saved);
        notes.put("notes.md", new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28});
        refused(notes).hasMessage("tampered.recausal: notes.md: is not UTF-8 text");
        refused(editJson("scenarios.json", json -> ((ObjectNode) json.get("scenarios").get(0).get("interventions")
                .get(0)).put("kind", "teleport"))).hasMessageContaining(
                        "scenarios.json: scenario 1: scenario 'raise X', interventions #1: unknown kind 'teleport'");
        refused(editJson("results.json", json -> ((ObjectNode) json.get("results").get(0).get("result"))
                .put("scenario", "gone"))).hasMessageContaining(
                        "results.json: result 1 is for scenario 'gone', which the project does not have");
        refused(editJson("results.json", json -> ((ObjectNode) json.get("results").get(0).get("result"))
                .put("samples", "many"))).hasMessageContaining("results.json: result 1 (scenario 'raise X'):"
                        + " \"samples\" must be a whole number");
        refused(editJson("manifest.json", json -> ((ArrayNode) json.get("parts")).addObject()
                .put("path", "notes2.md").put("kind", "notes"))).hasMessageContaining("lists more than one notes part");
    }

    private static String sha256(byte[] bytes) {
        var digest = FileFingerprint.newDigest();
        digest.update(bytes);
        return FileFingerprint.hex(digest);
    }
}
