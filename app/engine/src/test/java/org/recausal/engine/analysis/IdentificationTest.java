package org.recausal.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.io.GraphFormat;
import org.recausal.engine.io.GraphParseException;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.CancelledException;

class IdentificationTest {

    static Identification identify(String graph) {
        Dag dag = Graphs.parse(graph);
        return Identification.of(dag, dag.withRole(org.recausal.engine.dag.Role.EXPOSURE),
                dag.withRole(org.recausal.engine.dag.Role.OUTCOME), Identification.Limits.DEFAULT, CancellationToken.none());
    }

    @Test
    void mBiasIsIdentifiedWithoutAdjustment() {
        Identification answer = identify(AdjustmentAnalysisTest.M_BIAS);
        assertThat(answer).isInstanceOf(Identification.ByAdjustment.class);
        assertThat(((Identification.ByAdjustment) answer).result()).isInstanceOf(AdjustmentResult.EmptySetSuffices.class);
        assertThat(answer.explanation()).startsWith("Identifiable without adjustment");
    }

    @Test
    void butterflyBiasNeedsTheColliderAndOneOfItsParents() {
        // M-bias whose collider M also confounds A and B: M alone opens A <- U1 -> M <- U2 -> B
        Identification answer = identify(AdjustmentAnalysisTest.M_BIAS + "; M -> A; M -> B");
        AdjustmentResult result = ((Identification.ByAdjustment) answer).result();
        assertThat(((AdjustmentResult.AdjustmentSets) result).sets().stream().map(s -> (Set<String>) new java.util.TreeSet<>(s)))
                .containsExactlyInAnyOrderElementsOf(Graphs.sets("M,U1", "M,U2"));
    }

    @Test
    void smokingIsIdentifiedByTheFrontDoorOnly() {
        Identification answer = identify(FrontDoorTest.SMOKING);
        assertThat(answer).isInstanceOf(Identification.ByFrontDoor.class);
        assertThat(((Identification.ByFrontDoor) answer).frontDoor().sets()).containsExactly(Set.of("Tar"));
        assertThat(answer.explanation()).contains("front-door criterion through Tar");
    }

    @Test
    void bowArcIsNotIdentifiedByEitherStrategy() {
        Identification answer = identify("X [exposure]; Y [outcome]; U [latent]; X -> Y; U -> X; U -> Y");
        assertThat(answer.identifiable()).isFalse();
        assertThat(answer.explanation()).startsWith("Not identifiable by adjustment or by the front-door criterion")
                .contains("X <- U -> Y");
    }

    @Test
    void noCausalPathMeansNoEffectEvenWhenConfounded() {
        Identification answer = identify("X [exposure]; Y [outcome]; U [latent]; U -> X; U -> Y");
        assertThat(answer).isInstanceOf(Identification.NoCausalPath.class);
        assertThat(answer.identifiable()).isTrue();
    }

    @Test
    void reportComputesEveryPartForOneExposureAndOutcome() {
        Dag dag = Graphs.parse(FrontDoorTest.SMOKING + "; Z -> Smoking");
        AtomicInteger steps = new AtomicInteger();
        AnalysisReport report = AnalysisReport.compute(dag, AnalysisReport.Limits.DEFAULT, CancellationToken.none(),
                (fraction, message) -> steps.incrementAndGet());
        assertThat(report.totalEffect()).containsInstanceOf(AdjustmentResult.NoAdjustmentSet.class);
        assertThat(report.identification()).containsInstanceOf(Identification.ByFrontDoor.class);
        assertThat(report.instruments().orElseThrow()).extracting(Instrument::toString).containsExactly("Z");
        assertThat(report.frontDoor().orElseThrow().sets()).containsExactly(Set.of("Tar"));
        assertThat(report.implications().implications()).contains(Independence.of("Z", "Tar", List.of("Smoking")));
        assertThat(report.notes()).isEmpty();
        assertThat(steps.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void reportSaysWhatIsMissingAndStopsWhenCancelled() {
        AnalysisReport report = AnalysisReport.compute(Graphs.parse("a -> b -> c"), AnalysisReport.Limits.DEFAULT,
                CancellationToken.none(), (f, m) -> { });
        assertThat(report.totalEffect()).isEmpty();
        assertThat(report.notes()).containsExactly("Mark at least one exposure and one outcome to ask about causal effects.");
        assertThat(report.implications().implications()).containsExactly(Independence.of("a", "c", List.of("b")));
        CancellationToken token = new CancellationToken();
        token.cancel();
        assertThatThrownBy(() -> AnalysisReport.compute(Graphs.parse(AdjustmentAnalysisTest.SHRIER_PLATT),
                AnalysisReport.Limits.DEFAULT, token, (f, m) -> { })).isInstanceOf(CancelledException.class);
    }

    @Test
    void aCyclicImportIsTheThirdKindOfAnswer() {
        GraphParseException e = org.junit.jupiter.api.Assertions.assertThrows(GraphParseException.class,
                () -> GraphFormat.DAGITTY.read("dag { a -> b -> a }"));
        assertThat(NotADag.of(e)).map(NotADag::message).contains("the graph is not a DAG: a -> b -> a");
        GraphParseException other = org.junit.jupiter.api.Assertions.assertThrows(GraphParseException.class,
                () -> GraphFormat.DAGITTY.read("dag { a -> }"));
        assertThat(NotADag.of(other)).isEmpty();
    }
}
