package org.recausal.engine.recsys.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.data.IdIndex;
import org.recausal.engine.recsys.mf.FactorModel;
import org.recausal.engine.recsys.mf.MfConfig;
import org.recausal.engine.recsys.mf.MfState;
import org.recausal.engine.recsys.sasrec.SasRecState;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checkpoints in model files: matrix factorisation's (kinds mf and bpr) with the settings of their fit, and files
 * without them, or with SASRec's, written byte for byte as before MF checkpoints existed.
 */
class CheckpointFileTest {
    private static final MfConfig CONFIG = new MfConfig(3, 0.25, 30, 0.005f, 7);

    /** A factor model of two users and four items, with a checkpoint at epoch 4 of 30 when asked. */
    private static StoredModel factorModel(String kind, boolean checkpoint) {
        IdIndex users = IdIndex.of(List.of("ann", "bob"));
        IdIndex items = IdIndex.of(List.of("a", "b", "c", "d"));
        FactorModel model = new FactorModel(2, 4, 3);
        float[] p = model.params();
        float[] first = new float[p.length];
        float[] second = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) Math.sin(3 * i);
            first[i] = (float) Math.cos(i) / 100;
            second[i] = (float) (i % 5) / 1000;
        }
        MfState state = checkpoint ? new MfState(p.clone(), first, second, 40, 4, 1.5, CONFIG) : null;
        ObjectNode details = JsonMapper.shared().createObjectNode().put("data", "log.txt");
        return new StoredModel(kind, model, users, items, new int[][] {{0, 2, 1}, {3}}, details, state);
    }

    @Test
    void factorCheckpointsComeBackWithTheirStateAndTheSettingsOfTheirFit() {
        for (String kind : List.of(StoredModel.MF, StoredModel.BPR)) {
            StoredModel original = factorModel(kind, true);
            byte[] bytes = ModelFile.toBytes(original);
            StoredModel read = ModelFile.fromBytes(bytes, "m.model");
            MfState state = (MfState) read.checkpoint();
            MfState before = (MfState) original.checkpoint();
            assertThat(state.params()).containsExactly(before.params());
            assertThat(state.firstMoment()).containsExactly(before.firstMoment());
            assertThat(state.secondMoment()).containsExactly(before.secondMoment());
            assertThat(state.steps()).isEqualTo(40);
            assertThat(state.epochsDone()).isEqualTo(4);
            assertThat(state.elapsedSeconds()).isEqualTo(1.5);
            assertThat(state.config()).isEqualTo(CONFIG);
            assertThat(((FactorModel) read.model()).params()).containsExactly(before.params());
            assertThat(ModelFile.toBytes(read)).as("the same model, the same bytes").isEqualTo(bytes);
            JsonNode json = ModelBytes.modelJson(bytes);
            assertThat(json.path("version").asInt()).isEqualTo(ModelFile.VERSION);
            assertThat(json.path("checkpoint").path("epochs").asInt()).isEqualTo(30);
            assertThat(json.path("settings").propertyNames()).containsExactly("factors");
        }
    }

    /** The fixtures were written by the code before MF checkpoints (commit 7312e76), from the same models. */
    @Test
    void modelsWithoutCheckpointsAndSasRecCheckpointsAreWrittenAsBefore() throws IOException {
        assertThat(ModelFile.toBytes(factorModel(StoredModel.BPR, false))).isEqualTo(fixture("bpr.model"));
        assertThat(ModelFile.toBytes(ModelFileTest.sasrec(true))).isEqualTo(fixture("sasrec-checkpoint.model"));
    }

    private byte[] fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/recsys/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void hostileFactorCheckpointsAreRefusedNamingThePart() {
        StoredModel model = factorModel(StoredModel.BPR, true);
        assertRefused(ModelBytes.tamper(model, "optimizer.bin", new byte[12]), "m.model: optimizer.bin holds 12 bytes, expected 50 floats (200 bytes)");
        assertRefused(ModelBytes.tamper(model, "optimizer.bin", null), "m.model: optimizer.bin is missing");
        assertRefused(checkpoint(model, c -> c.put("epochsDone", 31)),
                "m.model: the checkpoint's epochsDone is 31, beyond the 30 epochs its run was set to");
        assertRefused(checkpoint(model, c -> c.put("steps", -1)), "m.model: the checkpoint's steps, epochsDone and"
                + " elapsedSeconds must be non-negative numbers");
        assertRefused(checkpoint(model, c -> c.put("epochs", 0)),
                "m.model: the checkpoint's 'epochs' must be a whole number from 1 to " + Integer.MAX_VALUE);
        assertRefused(checkpoint(model, c -> c.put("lambda", "much")),
                "m.model: the checkpoint's lambda and lr must be numbers and its seed a whole number");
        assertRefused(checkpoint(model, c -> c.put("seed", 1.5)),
                "m.model: the checkpoint's lambda and lr must be numbers and its seed a whole number");
        assertRefused(checkpoint(model, c -> c.put("lr", -0.1)), "m.model: bad settings in the checkpoint: matrix"
                + " factorisation needs 1..1024 factors, lambda >= 0, steps >= 1 and a positive learning rate");
    }

    @Test
    void aSasRecCheckpointBeyondItsEpochsIsRefused() {
        assertRefused(checkpoint(ModelFileTest.sasrec(true), c -> c.put("epochsDone", 6)),
                "m.model: the checkpoint's epochsDone is 6, beyond the 5 epochs its run was set to");
    }

    @Test
    void aModelHoldsOnlyACheckpointOfItsKind() {
        StoredModel sasrec = ModelFileTest.sasrec(true);
        StoredModel bpr = factorModel(StoredModel.BPR, true);
        assertThatThrownBy(() -> new StoredModel(StoredModel.SASREC, sasrec.model(), sasrec.users(), sasrec.items(),
                sasrec.histories(), sasrec.details(), bpr.checkpoint())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a sasrec model cannot hold a MfState");
        assertThatThrownBy(() -> new StoredModel(StoredModel.MF, bpr.model(), bpr.users(), bpr.items(), bpr.histories(),
                bpr.details(), (SasRecState) sasrec.checkpoint())).hasMessage("a mf model cannot hold a SasRecState");
    }

    private static byte[] checkpoint(StoredModel model, Consumer<ObjectNode> change) {
        return ModelBytes.tamperJson(model, json -> change.accept((ObjectNode) json.get("checkpoint")));
    }

    private static void assertRefused(byte[] file, String message) {
        assertThatThrownBy(() -> ModelFile.fromBytes(file, "m.model")).isInstanceOf(RecsysException.class)
                .hasMessage(message);
    }
}
