package org.recausal.engine.recsys.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.Table;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;
import org.recausal.engine.recsys.RecsysException;
import org.recausal.engine.recsys.split.SequenceData;

class TraitSelectionTest {
    private static final Table TABLE = TraitWorld.table(1);
    private static final SequenceData DATA = TraitWorld.data(TABLE);

    /** score <- user_group, item_popularity, item_category, price, taste (latent); score -> shown (exposure). */
    private static Dag dag() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("user_group", Role.ORDINARY, DataType.CATEGORICAL));
        dag.addVariable(Variable.of("item_popularity", Role.ORDINARY, DataType.COUNT));
        dag.addVariable(Variable.of("item_category", Role.ORDINARY, DataType.CATEGORICAL));
        dag.addVariable(Variable.of("price", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("taste", Role.LATENT, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("score", Role.ORDINARY, DataType.CONTINUOUS));
        dag.addVariable(Variable.of("shown", Role.EXPOSURE, DataType.BINARY));
        dag.addVariable(Variable.of("later", Role.OUTCOME, DataType.BINARY));
        for (String parent : List.of("user_group", "item_popularity", "item_category", "price", "taste")) {
            dag.addEdge(parent, "score");
        }
        dag.addEdge("score", "shown");
        dag.addEdge("shown", "later");
        return dag;
    }

    @Test
    void theDagsTraitsAreTheObservedAncestorsOfTheExposureConstantPerUserOrItem() {
        Dag dag = dag();
        MappedTable mapped = MappedTable.of(dag, TABLE, ColumnMapping.automatic());
        TraitSelection.Selection s = TraitSelection.fromDag(dag, TABLE, mapped.mapping(), DATA.log().users(),
                DATA.log().items());
        assertThat(s.used()).containsExactly("user_group", "item_popularity", "item_category");
        assertThat(s.features().userEncodings()).extracting(FeatureEncoding::name).containsExactly("user_group");
        assertThat(s.skipped()).extracting(TraitSelection.Skipped::name).containsExactly("taste", "score", "price");
        assertThat(s.skipped().get(0).reason()).contains("latent");
        assertThat(s.skipped().get(1).reason()).contains("no column");
        assertThat(s.skipped().get(2).reason()).contains("row-level");
    }

    @Test
    void thePreviewLeavesOutLatentRowLevelAndUnheldVariables() {
        assertThat(TraitSelection.preview(dag(), TABLE, "user_id", "item_id", List.of(TABLE)))
                .containsExactly("user_group", "item_popularity", "item_category");
        Dag none = dag();
        none.updateVariable(none.require("shown").withRole(Role.ORDINARY));
        assertThat(TraitSelection.preview(none, TABLE, "user_id", "item_id", List.of(TABLE))).isEmpty();
    }

    @Test
    void aGraphWithoutExposureIsRefused() {
        Dag dag = dag();
        dag.updateVariable(dag.require("shown").withRole(Role.ORDINARY));
        MappedTable mapped = MappedTable.of(dag, TABLE, ColumnMapping.automatic());
        assertThatThrownBy(() -> TraitSelection.fromDag(dag, TABLE, mapped.mapping(), DATA.log().users(),
                DATA.log().items())).isInstanceOf(RecsysException.class).hasMessageContaining("exposure");
    }

    @Test
    void explicitNamesAreCheckedAndEncoded() {
        TraitSelection.Selection s = TraitSelection.explicit(List.of("item_popularity", "price", "user_group"), null,
                TABLE, null, DATA.log().users(), DATA.log().items());
        assertThat(s.used()).containsExactly("user_group", "item_popularity");
        assertThat(s.skipped()).extracting(TraitSelection.Skipped::name).containsExactly("price");
        assertThatThrownBy(() -> TraitSelection.explicit(List.of("colour"), null, TABLE, null, DATA.log().users(),
                DATA.log().items())).isInstanceOf(RecsysException.class).hasMessageContaining("'colour'")
                .hasMessageContaining("item_popularity");
    }

    @Test
    void skewedCountsAreLogTransformedAndEveryNumberStandardised() {
        SideFeatures f = TraitWorld.traits(TABLE, DATA).features();
        FeatureEncoding popularity = f.itemEncodings().get(0);
        assertThat(popularity.log1p()).isTrue();
        // Standardised over the items, each once: mean 0, sd 1.
        double[] z = new double[f.items()];
        for (int i = 0; i < z.length; i++) {
            z[i] = f.itemRow(i)[0];
        }
        double mean = Arrays.stream(z).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / z.length);
        assertThat(mean).isCloseTo(0, within(1e-6));
        assertThat(sd).isCloseTo(1, within(1e-5));
        int item = DATA.log().items().indexOf("i3");
        double raw = Double.parseDouble(f.itemValue(item, 0));
        assertThat(z[item]).isCloseTo((Math.log1p(raw) - popularity.mean()) / popularity.sd(), within(1e-6));
    }

    @Test
    void categoriesAreOneHotAgainstTheCommonestLevel() {
        SideFeatures f = TraitWorld.traits(TABLE, DATA).features();
        FeatureEncoding group = f.userEncodings().get(0);
        assertThat(group.levels()).containsExactly("a", "b");
        assertThat(group.width()).isOne();
        int b = DATA.log().users().indexOf("u3");
        assertThat(f.userRow(b)).containsExactly(1.0);
        assertThat(f.userRow(DATA.log().users().indexOf("u0"))).containsExactly(0.0);
        assertThat(f.userValue(b, 0)).isEqualTo("b");
        assertThat(f.userMean()[0]).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void symmetricValuesAreNotLogged() {
        assertThat(FeatureEncoding.numeric("n", FeatureEncoding.Side.USER, new double[] {1, 2, 3, 4, 5}).log1p()).isFalse();
        assertThat(FeatureEncoding.numeric("n", FeatureEncoding.Side.USER, new double[] {0, 0, 0, 1, 1, 2, 50}).log1p())
                .isTrue();
        assertThatThrownBy(() -> FeatureEncoding.numeric("n", FeatureEncoding.Side.ITEM, new double[] {3, 3}))
                .hasMessageContaining("one value only");
    }
}
