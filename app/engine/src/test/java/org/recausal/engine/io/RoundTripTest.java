package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/** Every writable format reads back what it wrote, as far as the format carries it. */
class RoundTripTest {
    private static final Set<GraphFormat> ROLES = EnumSet.of(GraphFormat.DAGITTY, GraphFormat.DAGITTY_LEGACY,
            GraphFormat.GRAPHML, GraphFormat.DOT, GraphFormat.GML, GraphFormat.JSON);
    private static final Set<GraphFormat> TYPES_AND_NOTES = EnumSet.of(GraphFormat.DAGITTY, GraphFormat.GRAPHML,
            GraphFormat.DOT, GraphFormat.GML, GraphFormat.JSON);
    private static final Set<GraphFormat> POSITIONS = EnumSet.complementOf(EnumSet.of(GraphFormat.TETRAD, GraphFormat.BIF));

    static Dag sample() {
        Dag dag = new Dag();
        dag.addVariable(new Variable("exposure_ad", Role.EXPOSURE, DataType.BINARY, "Shown the ad, \"with quotes\" & more",
                null).at(120, 80));
        dag.addVariable(new Variable("clicks", Role.OUTCOME, DataType.COUNT, "", null).at(420.5, 80));
        dag.addVariable(new Variable("taste", Role.LATENT, DataType.CONTINUOUS, "Ünobserved taste", null).at(270, -40));
        dag.addVariable(new Variable("age.group", Role.ADJUSTED, DataType.CATEGORICAL, "", null).at(270, 200));
        dag.addVariable(new Variable("in_panel", Role.SELECTION, DataType.BINARY, "", null).at(600, 200));
        dag.addVariable(new Variable("lonely", Role.ORDINARY, DataType.TIMESTAMP, "", null).at(0, 300));
        dag.addEdge("exposure_ad", "clicks", "the effect asked about");
        dag.addEdge("taste", "exposure_ad");
        dag.addEdge("taste", "clicks");
        dag.addEdge("age.group", "exposure_ad");
        dag.addEdge("age.group", "clicks");
        dag.addEdge("clicks", "in_panel");
        return dag;
    }

    @ParameterizedTest
    @EnumSource(value = GraphFormat.class, names = "BIF", mode = EnumSource.Mode.EXCLUDE)
    void writtenGraphReadsBack(GraphFormat format) {
        Dag original = sample();
        String text = format.exporter().orElseThrow().write(original);

        ImportResult result = format.read(text);
        Dag back = result.dag();

        assertThat(back.names()).as(text).containsExactlyElementsOf(original.names());
        assertThat(back.edges()).extracting(CausalEdge::toString)
                .containsExactlyElementsOf(original.edges().stream().map(CausalEdge::toString).toList());
        assertThat(result.warnings()).as(text).isEmpty();
        if (ROLES.contains(format)) {
            assertThat(back.variables()).extracting(Variable::role)
                    .containsExactlyElementsOf(original.variables().stream().map(Variable::role).toList());
        }
        if (TYPES_AND_NOTES.contains(format)) {
            assertSame(original, back, Variable::type);
            assertSame(original, back, Variable::description);
            assertThat(back.edge("exposure_ad", "clicks").orElseThrow().note()).isEqualTo("the effect asked about");
        }
        assertThat(result.hasPositions()).isEqualTo(POSITIONS.contains(format));
        if (POSITIONS.contains(format)) {
            assertSame(original, back, Variable::position);
        }
        assertThat(format.exporter().orElseThrow().write(back)).as("writing again gives the same text")
                .isEqualTo(text);
    }

    @ParameterizedTest
    @EnumSource(value = GraphFormat.class, names = "BIF", mode = EnumSource.Mode.EXCLUDE)
    void writtenTextIsRecognised(GraphFormat format) {
        String text = format.exporter().orElseThrow().write(sample());

        assertThat(GraphFormat.sniff(text)).contains(format);
    }

    @ParameterizedTest
    @EnumSource(value = GraphFormat.class, names = "BIF", mode = EnumSource.Mode.EXCLUDE)
    void graphNeverLaidOutIsWrittenWithoutPositions(GraphFormat format) {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("a"));
        dag.addVariable(Variable.of("b"));
        dag.addEdge("a", "b");

        ImportResult result = format.read(format.exporter().orElseThrow().write(dag));

        assertThat(result.hasPositions()).isFalse();
        assertThat(result.dag().hasEdge("a", "b")).isTrue();
    }

    private static <T> void assertSame(Dag original, Dag back, Function<Variable, T> property) {
        assertThat(back.variables()).extracting(property)
                .containsExactlyElementsOf(original.variables().stream().map(property).toList());
    }
}
