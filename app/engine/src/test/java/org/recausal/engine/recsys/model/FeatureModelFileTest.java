package org.recausal.engine.recsys.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.features.FeatureEncoding;
import org.recausal.engine.recsys.features.SideFeatures;
import org.recausal.engine.recsys.sasrec.SasRecConfig;
import org.recausal.engine.recsys.sasrec.SasRecModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Model files of SASRec with side features (version 2), and version 1 files as main wrote them. */
public class FeatureModelFileTest {

    /** Two users with an age, four items with a kind (three levels); 4-dimensional SASRec, one block. */
    public static StoredModel model() {
        IdIndex users = IdIndex.of(List.of("ann", "bob"));
        IdIndex items = IdIndex.of(List.of("a", "b", "c", "d"));
        FeatureEncoding age = FeatureEncoding.numeric("age", FeatureEncoding.Side.USER, new double[] {30, 50});
        String[] kinds = {"book", "game", "book", "film"};
        FeatureEncoding kind = FeatureEncoding.categorical("kind", FeatureEncoding.Side.ITEM, kinds);
        double[] itemValues = new double[4];
        for (int i = 0; i < 4; i++) {
            itemValues[i] = kind.levelOf(kinds[i]);
        }
        SideFeatures features = new SideFeatures(List.of(age), List.of(kind), 2, 4, new double[] {30, 50}, itemValues);
        SasRecConfig config = new SasRecConfig(3, 4, 1, 1, 0.2f, 0.001f, 8, 5, 3);
        int size = 4 * 4 + 3 * 4 + (5 * 16 + 9 * 4) + 2 * 4 + features.weightCount();
        float[] w = new float[size];
        for (int i = 0; i < size; i++) {
            w[i] = (float) Math.sin(i);
        }
        ObjectNode details = JsonMapper.shared().createObjectNode().put("data", "shop");
        return new StoredModel(StoredModel.SASREC, new SasRecModel(config, users, items, w, features), users, items,
                new int[][] {{0, 2}, {3}}, details, null);
    }

    @Test
    void sideFeaturesRoundTripWithTheirEncodingsAndValues() {
        StoredModel original = model();
        byte[] bytes = ModelFile.toBytes(original);
        StoredModel read = ModelFile.fromBytes(bytes, "m.model");
        SideFeatures before = original.sasrec().features();
        SideFeatures after = read.sasrec().features();
        assertThat(after.variables()).isEqualTo(before.variables());
        assertThat(after.userObserved()).containsExactly(before.userObserved());
        assertThat(after.itemObserved()).containsExactly(before.itemObserved());
        assertThat(after.itemValue(3, 0)).isEqualTo("film");
        assertThat(after.userValue(1, 0)).isEqualTo("50");
        assertThat(read.recommend("ann", 2)).isEqualTo(original.recommend("ann", 2));
        assertThat(read.recommend("bob", 3)).isEqualTo(original.recommend("bob", 3));
        assertThat(ModelFile.toBytes(read)).isEqualTo(bytes);
        assertThat(modelJson(bytes).path("version").asInt()).isEqualTo(ModelFile.FEATURES_VERSION);
    }

    @Test
    void versionOneFilesWrittenBeforeSideFeaturesStillOpen() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/recsys/sasrec-rhythm-main.model")) {
            byte[] bytes = in.readAllBytes();
            StoredModel read = ModelFile.fromBytes(bytes, "main.model");
            assertThat(modelJson(bytes).path("version").asInt()).isEqualTo(ModelFile.VERSION);
            assertThat(read.sasrec().features()).isNull();
            assertThat(read.recommend(read.users().id(0), 5)).hasSize(5);
            assertThat(ModelFile.toBytes(read)).isEqualTo(bytes);
        }
    }

    @Test
    void hostileFeaturePartsAreRefusedNamingThePart() {
        assertThatThrownBy(() -> read(tamper("traits.bin", new byte[12])))
                .isInstanceOf(RecsysException.class).hasMessageContaining("traits.bin holds 12 bytes");
        byte[] badLevel = ByteBuffer.allocate(8 * 6).order(ByteOrder.LITTLE_ENDIAN).putDouble(30).putDouble(50)
                .putDouble(0).putDouble(7).putDouble(0).putDouble(1).array();
        assertThatThrownBy(() -> read(tamper("traits.bin", badLevel)))
                .hasMessageContaining("traits.bin").hasMessageContaining("'kind'");
        assertThatThrownBy(() -> read(tamperJson(j -> j.remove("features"))))
                .hasMessageContaining("needs 'features'");
        assertThatThrownBy(() -> read(tamperJson(j -> ((ObjectNode) j.path("features").path("item").get(0))
                .put("type", "colour")))).hasMessageContaining("features.item in model.json: 'kind'");
        assertThatThrownBy(() -> read(tamperJson(j -> ((ObjectNode) j.path("features").path("user").get(0))
                .put("sd", -1)))).hasMessageContaining("features.user in model.json: 'age'");
        assertThatThrownBy(() -> read(tamperJson(j -> ((ObjectNode) j.path("features").path("item").get(0))
                .putArray("levels").add("book").add("book")))).hasMessageContaining("distinct");
        assertThatThrownBy(() -> read(tamper("traits.bin", null))).hasMessageContaining("traits.bin is missing");
    }

    private static StoredModel read(byte[] bytes) {
        return ModelFile.fromBytes(bytes, "m.model");
    }

    private static JsonNode modelJson(byte[] bytes) {
        return ModelBytes.modelJson(bytes);
    }

    private static byte[] tamperJson(Consumer<ObjectNode> change) {
        return ModelBytes.tamperJson(model(), change);
    }

    private static byte[] tamper(String name, byte[] bytes) {
        return ModelBytes.tamper(model(), name, bytes);
    }
}
