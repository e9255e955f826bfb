package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Role;

class GraphMlFormatTest {
    private final GraphMlFormat format = new GraphMlFormat();

    @Test
    void readsGraphmlFromOtherToolsWithoutRecausalAttributes() {
        ImportResult result = format.read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="d0" for="node" attr.name="role" attr.type="string"/>
                  <graph edgedefault="directed">
                    <node id="smoking"><data key="d0">exposure</data></node>
                    <node id="cancer"/>
                    <edge source="smoking" target="cancer"/>
                  </graph>
                </graphml>
                """);

        assertThat(result.dag().hasEdge("smoking", "cancer")).isTrue();
        assertThat(result.dag().require("smoking").role()).isEqualTo(Role.EXPOSURE);
        assertThat(result.hasPositions()).isFalse();
    }

    @Test
    void externalEntityIsNeverResolved() {
        String hostile = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE graphml [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <key id="d0" for="node" attr.name="description" attr.type="string"/>
                  <graph edgedefault="directed">
                    <node id="a"><data key="d0">&secret;</data></node>
                  </graph>
                </graphml>
                """;

        assertThatThrownBy(() -> format.read(hostile))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("DOCTYPE").doesNotContain("root:");
                });
    }

    @Test
    void parameterEntityFetchingAUrlIsRefusedToo() {
        String hostile = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/x.dtd\"> %remote; ]>\n"
                + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\"/></graphml>";

        assertThatThrownBy(() -> format.read(hostile)).isInstanceOf(GraphParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void malformedXmlNamesLineAndColumn() {
        assertThatThrownBy(() -> format.read("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n  <graph>\n    <node id=\"a\">\n  </graph>\n</graphml>"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.column()).isPositive();
                });
    }

    @Test
    void cycleAndUnknownEdgeEndAreRefused() {
        String cyclic = """
                <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
                  <graph edgedefault="directed">
                    <node id="a"/><node id="b"/>
                    <edge source="a" target="b"/>
                    <edge source="b" target="a"/>
                  </graph>
                </graphml>
                """;
        assertThatThrownBy(() -> format.read(cyclic))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo(5);
                    assertThat(e.reason()).contains("cycle b -> a -> b");
                });
        String dangling = cyclic.replace("<edge source=\"b\" target=\"a\"/>", "<edge source=\"b\" target=\"q\"/>");
        assertThatThrownBy(() -> format.read(dangling)).isInstanceOf(GraphParseException.class);
    }
}
