package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Role;

class DotFormatTest {
    private final DotFormat format = new DotFormat();

    @Test
    void readsPlainGraphvizDigraphIgnoringDrawingAttributes() {
        ImportResult result = format.read("""
                digraph causal {
                  node [shape=box];
                  rankdir=LR;
                  ad [color=red, role=exposure];
                  ad -> purchase -> review;
                }
                """);

        assertThat(result.dag().names()).containsExactly("ad", "purchase", "review");
        assertThat(result.dag().hasEdge("purchase", "review")).isTrue();
        assertThat(result.dag().require("ad").role()).isEqualTo(Role.EXPOSURE);
        assertThat(result.hasPositions()).isFalse();
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        assertThatThrownBy(() -> format.read("digraph G {\n  a -> b;\n  b -> ;\n}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(8);
                    assertThat(e.reason()).startsWith("not valid DOT");
                });
    }

    @Test
    void undirectedGraphAndCycleAreRefused() {
        assertThatThrownBy(() -> format.read("graph G { a -- b }"))
                .isInstanceOfSatisfying(GraphParseException.class,
                        e -> assertThat(e.reason()).contains("digraph"));
        assertThatThrownBy(() -> format.read("digraph G {\n  a -> b\n  b -> a\n}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.reason()).contains("cycle b -> a -> b");
                });
        assertThatThrownBy(() -> format.read("digraph G { a -> a }"))
                .isInstanceOfSatisfying(GraphParseException.class,
                        e -> assertThat(e.reason()).contains("cycle a -> a"));
    }
}
