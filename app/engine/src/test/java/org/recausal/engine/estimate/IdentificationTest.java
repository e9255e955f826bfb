package org.recausal.engine.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

class IdentificationTest {

    private static Dag dag(String[] latent, String... edges) {
        Dag dag = new Dag();
        for (String edge : edges) {
            for (String name : edge.split("->")) {
                if (!dag.contains(name)) {
                    boolean isLatent = List.of(latent).contains(name);
                    dag.addVariable(Variable.of(name, isLatent ? Role.LATENT : Role.ORDINARY, DataType.CONTINUOUS));
                }
            }
            String[] ends = edge.split("->");
            dag.addEdge(ends[0], ends[1]);
        }
        return dag;
    }

    @Test
    void choosesTheSmallestValidSet() {
        // Both {A} and {B, C} block the back door T <- A <- ... ; {A} is smaller.
        Dag graph = dag(new String[0], "B->A", "C->A", "A->T", "B->Y", "C->Y", "A->Y", "T->Y");
        Identification identified = Identification.of(graph, "T", "Y", null);
        assertThat(identified.adjustmentSet()).containsExactly("A");
        Dag simple = dag(new String[0], "Z->T", "Z->Y", "T->Y", "W->Y");
        assertThat(Identification.of(simple, "T", "Y", null).adjustmentSet()).containsExactly("Z");
        assertThat(Identification.of(dag(new String[0], "T->Y"), "T", "Y", null).adjustmentSet()).isEmpty();
    }

    @Test
    void checksTheAnalystsSet() {
        Dag simple = dag(new String[0], "Z->T", "Z->Y", "T->M", "M->Y", "W->Y");
        assertThat(Identification.of(simple, "T", "Y", List.of("W", "Z")).adjustmentSet()).containsExactly("Z", "W");
        assertThatThrownBy(() -> Identification.of(simple, "T", "Y", List.of("M", "Z")))
                .hasMessageContaining("not a valid adjustment set").hasMessageContaining("M");
        assertThatThrownBy(() -> Identification.of(simple, "T", "Y", List.of()))
                .hasMessageContaining("not a valid adjustment set");
    }

    @Test
    void saysWhyAnEffectIsNotIdentifiable() {
        Dag confounded = dag(new String[] {"U"}, "U->T", "U->Y", "T->Y");
        assertThatThrownBy(() -> Identification.of(confounded, "T", "Y", null))
                .isInstanceOf(NotIdentifiableException.class).hasMessageContaining("not identifiable")
                .hasMessageContaining("U");
        assertThatThrownBy(() -> Identification.of(confounded, "U", "Y", null))
                .isInstanceOf(NotIdentifiableException.class).hasMessageContaining("latent");
    }

    @Test
    void aPolicysVariablesJoinTheSetWhenTheGraphAllows() {
        Dag graph = dag(new String[0], "Z->T", "Z->Y", "T->M", "M->Y", "W->T", "W->Y", "V->T");
        assertThat(Identification.of(graph, "T", "Y", null, List.of("V")).adjustmentSet())
                .containsExactlyInAnyOrder("Z", "W", "V");
        assertThatThrownBy(() -> Identification.of(graph, "T", "Y", null, List.of("M")))
                .isInstanceOf(NotIdentifiableException.class).hasMessageContaining("M is adjusted for but must not be");
        assertThatThrownBy(() -> Identification.of(graph, "T", "Y", List.of("Z", "W"), List.of("V")))
                .hasMessageContaining("must contain V, which the policy reads");
    }

    @Test
    void notesWhenTheGraphImpliesNoEffect() {
        Dag none = dag(new String[0], "Z->T", "Z->Y");
        assertThat(Identification.of(none, "T", "Y", null).notes()).singleElement().asString()
                .contains("no causal path");
    }
}
