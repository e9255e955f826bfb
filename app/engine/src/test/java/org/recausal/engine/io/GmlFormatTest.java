package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;

class GmlFormatTest {
    private final GmlFormat format = new GmlFormat();

    @Test
    void readsNetworkxOutputWithNumericIds() {
        ImportResult result = format.read("""
                graph [
                  directed 1
                  node [
                    id 0
                    label "treatment"
                  ]
                  node [
                    id 1
                    label "outcome"
                    note "caf&#233; &#34;x&#34; &amp; y"
                  ]
                  edge [
                    source 0
                    target 1
                  ]
                ]
                """);
        Dag dag = result.dag();

        assertThat(dag.names()).containsExactly("treatment", "outcome");
        assertThat(dag.hasEdge("treatment", "outcome")).isTrue();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.hasPositions()).isFalse();
    }

    @Test
    void readsDowhyStyleStringIdsAndPositions() {
        ImportResult result = format.read("""
                graph [directed 1 node [id "W" label "W" graphics [x 10 y 20]] node [id "T" label "T" graphics [x 30 y 40]]
                edge [source "W" target "T" label "confounds"]]
                """);

        assertThat(result.dag().edge("W", "T").orElseThrow().note()).isEqualTo("confounds");
        assertThat(result.dag().require("T").position()).isEqualTo(new CanvasPosition(30, 40));
        assertThat(result.hasPositions()).isTrue();
    }

    @Test
    void entitiesAreDecoded() {
        Dag dag = format.read("graph [ directed 1 node [ id 0 label \"a\" description \"caf&#233; &#34;x&#34; &amp; y\" ] ]")
                .dag();

        assertThat(dag.require("a").description()).isEqualTo("café \"x\" & y");
    }

    @Test
    void undirectedGraphIsReadSourceToTargetWithAWarning() {
        ImportResult result = format.read("graph [ node [ id 0 label \"a\" ] node [ id 1 label \"b\" ] edge [ source 0 target 1 ] ]");

        assertThat(result.dag().hasEdge("a", "b")).isTrue();
        assertThat(result.warnings()).singleElement().asString().contains("directed 1");
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> format.read("graph [\n  directed 1\n  node [ id 0 label \"a\" ]\n  edge [ source 0 target 7 ]\n]"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isEqualTo(19);
                    assertThat(e.reason()).contains("target 7", "not the id of any node");
                });
        assertThatThrownBy(() -> format.read("graph [\n  node [ id 0 label \"a\" ]\n  node [ id 0 label \"b\" ]\n]"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("id 0 is used twice");
                });
        assertThatThrownBy(() -> format.read("graph [\n  node [ id 0 label \"a\" ]\n  node [ id 1 label \"A\" ]\n]"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("already exists");
                });
        assertThatThrownBy(() -> format.read("graph [\n  node [ id 0 label \"a\" ]\n  node [ id = 1 ]\n]"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(13);
                    assertThat(e.reason()).contains("after 'id'", "'='");
                });
        assertThatThrownBy(() -> format.read("graph [\n  node [ id 0 label \"a\" ]\n"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.reason()).contains("never closed");
                });
        assertThatThrownBy(() -> format.read("graph [ directed 1\n node [ id 0 label \"a\" ] node [ id 1 label \"b\" ]\n"
                + " edge [ source 0 target 1 ] edge [ source 1 target 0 ] ]"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(29);
                    assertThat(e.reason()).contains("cycle b -> a -> b");
                });
    }
}
