package org.recausal.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;

class JsonFormatTest {
    private final JsonFormat format = new JsonFormat();

    @Test
    void onlyNamesAndEndpointsAreRequired() {
        ImportResult result = format.read("""
                {"variables": [{"name": "a"}, {"name": "b", "role": "treatment", "type": "binary"}],
                 "edges": [{"from": "a", "to": "b"}], "comment": "ignored"}
                """);

        assertThat(result.dag().hasEdge("a", "b")).isTrue();
        assertThat(result.dag().require("b").role()).isEqualTo(Role.EXPOSURE);
        assertThat(result.dag().require("b").type()).isEqualTo(DataType.BINARY);
        assertThat(result.hasPositions()).isFalse();
        assertThat(result.warnings()).singleElement().asString().contains("'comment'");
    }

    @Test
    void errorsNameLineAndColumn() {
        assertThatThrownBy(() -> format.read("{\"variables\": [\n  {\"name\": \"a\"}\n],\n\"edges\": [\n  {\"from\": \"a\", \"to\": \"z\"}\n]}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.column()).isEqualTo(3);
                    assertThat(e.reason()).contains("unknown variable 'z'");
                });
        assertThatThrownBy(() -> format.read("{\"variables\": [\n  {\"name\": \"a\"},\n  {\"name\": \"a\"}\n]}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.reason()).contains("declared twice");
                });
        assertThatThrownBy(() -> format.read("{\"variables\": [\n  {\"name\": \"a\",, }\n]}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(16);
                    assertThat(e.reason()).startsWith("not valid JSON");
                });
        assertThatThrownBy(() -> format.read("{\"variables\": [{\"name\": \"a\", \"x\": 3}]}"))
                .isInstanceOfSatisfying(GraphParseException.class,
                        e -> assertThat(e.reason()).contains("both \"x\" and \"y\""));
        assertThatThrownBy(() -> format.read("{\"variables\": [{\"name\": \"a\"}, {\"name\": \"b\"}],\n"
                + " \"edges\": [{\"from\": \"a\", \"to\": \"b\"}, {\"from\": \"b\", \"to\": \"a\"}]}"))
                .isInstanceOfSatisfying(GraphParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(38);
                    assertThat(e.reason()).contains("cycle b -> a -> b");
                });
        assertThatThrownBy(() -> format.read("{\"variables\": []} extra"))
                .isInstanceOf(GraphParseException.class);
    }
}
