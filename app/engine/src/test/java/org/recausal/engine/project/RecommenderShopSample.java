package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.analysis.AdjustmentAnalysis;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.simulate.RecommenderLog;
import org.recausal.engine.simulate.RecommenderShop;
import org.recausal.engine.simulate.RecommenderWorld;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

/**
 * Builds the bundled sample project {@code sample-projects/recommender-shop.recausal} ({@link RecommenderShop} of the
 * sample's {@link RecommenderLog}) and checks that the committed file holds exactly what that code builds.
 * Regenerate it after a deliberate change with
 * {@code ./mvnw -pl app/engine test -Dtest=RecommenderShopSample -Drecausal.writeSamples=true}.
 */
class RecommenderShopSample {
    static final Path FILE = Path.of("../../sample-projects/recommender-shop.recausal");

    /**
     * Compares what the archives hold, entry by entry, uncompressed: deflated bytes may differ between zlib builds,
     * what they inflate to may not.
     */
    @Test
    void committedSampleIsWhatThisCodeBuilds(@TempDir Path folder) throws IOException, ProjectFileException {
        Path fresh = folder.resolve("fresh" + ProjectFiles.EXTENSION);
        RecommenderLog log = RecommenderLog.generate(RecommenderLog.Settings.sample());
        ProjectFiles.save(RecommenderShop.project(log, 20, log.knownEffects(20), folder), fresh);
        if (Boolean.getBoolean("recausal.writeSamples")) {
            Files.copy(fresh, FILE, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(entries(FILE)).isEqualTo(entries(fresh));
        assertThat(Files.size(FILE)).isLessThan(4_000_000);
    }

    private static Map<String, String> entries(Path archive) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    entries.put(entry.getName(), entry.getName().endsWith(".json")
                            ? new String(bytes, StandardCharsets.UTF_8) : bytes.length + " bytes, SHA-256 "
                            + HexFormat.of().formatHex(sha256(bytes)));
                }
            }
        }
        return entries;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sampleDataBindToEveryObservedVariable() throws ProjectFileException {
        Project project = ProjectFiles.open(FILE);
        ProjectData data = ProjectData.load(project, ProgressListener.NONE, CancellationToken.none());
        assertThat(data.tables()).hasSize(1);
        assertThat(data.issues()).isEmpty();
        assertThat(data.tables().getFirst().mapping().nodesWithoutData())
                .containsExactlyInAnyOrder("user_preference", "item_quality");
        assertThat(data.tables().getFirst().table().rowCount())
                .isEqualTo(RecommenderLog.generate(RecommenderLog.Settings.sample()).rows());
    }

    @Test
    void sampleAsksAnIdentifiableQuestion() throws ProjectFileException {
        Dag dag = ProjectFiles.open(FILE).dag();
        assertThat(dag.names()).containsExactlyInAnyOrderElementsOf(RecommenderWorld.dag().names());
        assertThat(dag.withRole(Role.EXPOSURE)).containsExactly("exposure");
        assertThat(dag.withRole(Role.OUTCOME)).containsExactly("purchase");
        assertThat(dag.size()).isEqualTo(16);
        assertThat(dag.edgeCount()).isEqualTo(28);
        // The slate is driven by the ranking score alone, so adjusting for it identifies the effect,
        // while the latent user preference makes the naive comparison biased.
        AdjustmentAnalysis question = AdjustmentAnalysis.totalEffect(dag, Set.of("exposure"), Set.of("purchase"));
        assertThat(question.check(Set.of("recommender_score")).valid()).isTrue();
        assertThat(question.check(Set.of()).valid()).isFalse();
    }
}
