package org.recausal.engine.recsys.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InteractionsFingerprintTest {
    private static Interactions log(String... rows) {
        Interactions.Builder log = Interactions.builder(new IdIndex(), new IdIndex());
        for (int r = 0; r < rows.length; r++) {
            String[] f = rows[r].split(" ");
            log.add(f[0], f[1], Float.parseFloat(f[2]), r);
        }
        return log.build();
    }

    @Test
    void equalLogsShareADigestAndAnyChangedRowChangesIt() {
        String digest = log("u1 i1 3", "u1 i2 5", "u2 i1 1").fingerprint();
        assertThat(digest).hasSize(16).matches("[0-9a-f]+");
        assertThat(log("u1 i1 3", "u1 i2 5", "u2 i1 1").fingerprint()).isEqualTo(digest);
        assertThat(log("u1 i1 3", "u1 i2 4", "u2 i1 1").fingerprint()).as("a rating").isNotEqualTo(digest);
        assertThat(log("u1 i1 3", "u1 i3 5", "u2 i1 1").fingerprint()).as("an item").isNotEqualTo(digest);
        assertThat(log("u1 i1 3", "u1 i2 5").fingerprint()).as("a dropped row").isNotEqualTo(digest);
        // Ids are read whole: "u1" + "1i" is not "u11" + "i".
        assertThat(log("u1 1i 3").fingerprint()).isNotEqualTo(log("u11 i 3").fingerprint());
    }
}
