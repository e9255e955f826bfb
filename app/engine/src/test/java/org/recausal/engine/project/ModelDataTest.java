package org.recausal.engine.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.scm.ScmException;
import org.recausal.engine.scm.TableBinding;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class ModelDataTest {

    private static ProjectData load(Project project) {
        return ProjectData.load(project, ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void bindsTheJoinedTableUnderTheNodesItsColumnsStandFor() throws Exception {
        Project sample = ProjectFiles.open(RecommenderShopSample.FILE);
        TableBinding.Bound bound = ModelData.bind(sample.dag(), load(sample));
        assertThat(bound.observations().names()).hasSize(14)
                .contains("user_tenure", "item_category", "exposure", "click")
                .doesNotContain("user_preference", "item_quality", "user_id", "exposure_propensity");
        assertThat(bound.observations().rows()).isEqualTo(80_600);
    }

    @Test
    void namesTheNodesNoDatasetCovers() throws Exception {
        Project sample = ProjectFiles.open(RecommenderShopSample.FILE);
        Dataset interactions = sample.dataset("interactions").orElseThrow();
        sample.replaceDataset(interactions.withMapping(ColumnMapping.of(Map.of(), Set.of("device", "discount"))));
        assertThatThrownBy(() -> ModelData.bind(sample.dag(), load(sample))).isInstanceOf(ScmException.class)
                .hasMessage("no dataset has data for device, discount; map a column to each, or mark them latent");
        Project empty = new Project("Empty", sample.dag());
        assertThatThrownBy(() -> ModelData.bind(empty.dag(), load(empty))).isInstanceOf(ScmException.class)
                .hasMessage("no dataset is attached; attach one first");
    }
}
