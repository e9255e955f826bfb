package org.recausal.engine.recsys.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;
import org.recausal.engine.recsys.sasrec.SasRecState;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ModelFileTest {
    @TempDir
    Path dir;

    /** A SASRec of two users and four items, with a checkpoint at epoch 2 of 5 (best epoch 1) when asked. */
    static StoredModel sasrec(boolean checkpoint) {
        IdIndex users = IdIndex.of(List.of("ann", "bob"));
        IdIndex items = IdIndex.of(List.of("a", "b", "c", "d"));
        SasRecConfig config = new SasRecConfig(3, 4, 1, 2, 0.2f, 0.001f, 8, 5, 3);
        int size = 4 * 4 + 3 * 4 + (5 * 16 + 9 * 4) + 2 * 4;
        float[] w = new float[size];
        float[] first = new float[size];
        float[] second = new float[size];
        float[] best = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = (float) Math.sin(i);
            first[i] = (float) Math.cos(i) / 100;
            second[i] = (float) (i % 7) / 1000;
            best[i] = (float) Math.sin(i + 1);
        }
        SasRecState state = checkpoint ? new SasRecState(w, first, second, 12, 2, 7.5, 1, 0.25, best) : null;
        ObjectNode details = JsonMapper.shared().createObjectNode().put("data", "log.txt");
        return new StoredModel(StoredModel.SASREC, new SasRecModel(config, users, items, w), users, items,
                new int[][] {{0, 2, 1}, {3}}, details, state);
    }

    @Test
    void sasrecRoundTripGivesTheSameRecommendationsAndCheckpoint() {
        Path file = dir.resolve("m.model");
        StoredModel original = sasrec(true);
        ModelFile.write(file, original);
        StoredModel read = ModelFile.read(file);
        assertThat(read.kind()).isEqualTo("sasrec");
        assertThat(read.users().ids()).containsExactly("ann", "bob");
        assertThat(read.histories()[0]).containsExactly(0, 2, 1);
        assertThat(read.details().get("data").asString()).isEqualTo("log.txt");
        assertThat(read.checkpoint().steps()).isEqualTo(12);
        assertThat(read.checkpoint().epochsDone()).isEqualTo(2);
        assertThat(read.checkpoint().elapsedSeconds()).isEqualTo(7.5);
        SasRecState state = (SasRecState) read.checkpoint();
        assertThat(state.bestEpoch()).isEqualTo(1);
        assertThat(state.bestScore()).isEqualTo(0.25);
        assertThat(state.bestParams()).containsExactly(((SasRecState) original.checkpoint()).bestParams());
        assertThat(state.firstMoment()).containsExactly(original.checkpoint().firstMoment());
        assertThat(state.secondMoment()).containsExactly(original.checkpoint().secondMoment());
        assertThat(read.recommend("bob", 3)).isEqualTo(original.recommend("bob", 3));
        assertThat(read.recommend("ann", 5)).hasSize(1).extracting(StoredModel.Recommendation::item).containsExactly("d");
        assertThat(read.sasrec().config()).isEqualTo(((SasRecModel) original.model()).config());
    }

    @Test
    void factorModelRoundTripPredictsTheSame() {
        IdIndex users = IdIndex.of(List.of("0", "1", "2"));
        IdIndex items = IdIndex.of(List.of("0", "1"));
        FactorModel model = new FactorModel(3, 2, 2);
        float[] p = model.params();
        for (int i = 0; i < p.length; i++) {
            p[i] = i * 0.1f;
        }
        Path file = dir.resolve("mf.model");
        ModelFile.write(file, new StoredModel(StoredModel.MF, model, users, items, new int[][] {{}, {1}, {}},
                JsonMapper.shared().createObjectNode(), null));
        StoredModel read = ModelFile.read(file);
        assertThat(read.predictsRatings()).isTrue();
        assertThat(((FactorModel) read.model()).predict(2, 1)).isEqualTo(model.predict(2, 1));
        assertThat(read.recommend("1", 5)).extracting(StoredModel.Recommendation::item).containsExactly("0");
    }

    @Test
    void bytesInMemoryAreTheFilesBytesAndReadBackTheSame() throws IOException {
        StoredModel original = sasrec(true);
        byte[] bytes = ModelFile.toBytes(original);
        assertThat(ModelFile.toBytes(original)).as("the same model, the same bytes").isEqualTo(bytes);
        Path file = dir.resolve("m.model");
        ModelFile.write(file, original);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        StoredModel read = ModelFile.fromBytes(bytes, "m.bin");
        assertThat(read.sasrec().params()).isEqualTo(((SasRecModel) original.model()).params());
        assertThat(read.checkpoint().secondMoment()).isEqualTo(original.checkpoint().secondMoment());
        assertThat(read.recommend("bob", 3)).isEqualTo(original.recommend("bob", 3));
    }

    @Test
    void bytesThatInflateBeyondTheirLimitOrAreNotAZipAreRefused() throws IOException {
        // 2 MiB of spaces deflate to a few KiB; model.json may hold 1 MiB.
        byte[] bomb = Files.readAllBytes(tampered("model.json", " ".repeat(2 << 20).getBytes(StandardCharsets.UTF_8)));
        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> ModelFile.fromBytes(bomb, "m.bin")).isInstanceOf(RecsysException.class)
                .hasMessage("m.bin: model.json holds more than the 1048576 bytes allowed");
        assertThatThrownBy(() -> ModelFile.fromBytes("not a zip".getBytes(StandardCharsets.UTF_8), "m.bin"))
                .isInstanceOf(RecsysException.class).hasMessageStartingWith("m.bin: is not a model file");
    }

    /** Rewrites one entry of a saved model, keeping the others. */
    private Path tampered(String entry, byte[] bytes) throws IOException {
        Path good = dir.resolve("good.model");
        ModelFile.write(good, sasrec(false));
        Path bad = dir.resolve("bad.model");
        try (ZipFile zip = new ZipFile(good.toFile()); OutputStream raw = Files.newOutputStream(bad);
                ZipOutputStream out = new ZipOutputStream(raw)) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(entry) ? bytes : zip.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
        }
        return bad;
    }

    private byte[] json(Map<String, Object> changes) throws IOException {
        Path good = dir.resolve("json.model");
        ModelFile.write(good, sasrec(false));
        try (ZipFile zip = new ZipFile(good.toFile())) {
            ObjectNode node = (ObjectNode) JsonMapper.shared().readTree(zip.getInputStream(zip.getEntry("model.json")).readAllBytes());
            changes.forEach((k, v) -> node.putPOJO(k, v));
            return node.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void hostileFilesAreRefusedWithAMessage() throws IOException {
        Path notZip = dir.resolve("text.model");
        Files.writeString(notZip, "hello");
        assertThatThrownBy(() -> ModelFile.read(notZip)).isInstanceOf(RecsysException.class).hasMessageContaining("not a model file");
        assertThatThrownBy(() -> ModelFile.read(dir.resolve("none.model"))).hasMessageContaining("no such file");
        assertThatThrownBy(() -> ModelFile.read(tampered("model.json", json(Map.of("version", 99)))))
                .hasMessageContaining("version 99");
        assertThatThrownBy(() -> ModelFile.read(tampered("model.json", json(Map.of("format", "other")))))
                .hasMessageContaining("is not a Recausal recommender model");
        assertThatThrownBy(() -> ModelFile.read(tampered("model.json", json(Map.of("items", 2_000_000_000)))))
                .hasMessageContaining("'items' in model.json must be a count");
        assertThatThrownBy(() -> ModelFile.read(tampered("model.json", "{not json".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("model.json is not valid JSON");
        assertThatThrownBy(() -> ModelFile.read(tampered("weights.bin", new byte[12])))
                .hasMessageContaining("weights.bin holds 12 bytes");
        byte[] nan = new byte[4 * 152];
        nan[3] = (byte) 0x7f;
        nan[2] = (byte) 0xc0;
        assertThatThrownBy(() -> ModelFile.read(tampered("weights.bin", nan))).hasMessageContaining("not a finite number");
        byte[] badItem = {1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> ModelFile.read(tampered("histories.bin", badItem))).hasMessageContaining("item index 9");
        byte[] hugeLength = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};
        assertThatThrownBy(() -> ModelFile.read(tampered("histories.bin", hugeLength))).hasMessageContaining("impossible length");
        assertThatThrownBy(() -> ModelFile.read(tampered("users.txt", "ann\nann\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("lists an id twice");
        assertThatThrownBy(() -> ModelFile.read(tampered("model.json", json(Map.of("kind", "magic")))))
                .hasMessageContaining("unknown model kind 'magic'");
    }
}
