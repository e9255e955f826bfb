package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void roundTripsThroughJson() {
        Scenario scenario = new Scenario("Fewer popular items",
                List.of(Intervention.parse("exposure:=bernoulli(0.5 * exposure)"), Intervention.parse("discount=1"),
                        Intervention.parse("item_price-=2.5")),
                List.of(Intervention.parse("discount=0")), List.of("purchase", "rating"),
                "device == \"mobile\"", 100_000, 1L << 60);
        Scenario back = Scenario.fromJson(scenario.toJsonText());
        assertThat(back).isEqualTo(scenario);
        assertThat(scenario.toJson().get("interventions").get(0).get("kind").stringValue()).isEqualTo("assign");
        assertThat(scenario.targets()).containsExactly("exposure", "discount", "item_price");
    }

    @Test
    void namesWhatIsWrong() {
        assertThatThrownBy(() -> Scenario.fromJson("{\"name\": \"s\", \"interventions\": [], \"outcomes\": [],"
                + " \"samples\": 10, \"seed\": 1}")).hasMessageContaining("at least one outcome");
        assertThatThrownBy(() -> Scenario.fromJson("{\"name\": \"s\", \"interventions\": [{\"node\": \"X\","
                + " \"kind\": \"push\"}], \"outcomes\": [\"Y\"], \"samples\": 10, \"seed\": 1}"))
                .hasMessageContaining("interventions #1").hasMessageContaining("unknown kind 'push'");
        assertThatThrownBy(() -> Scenario.fromJson("{\"name\": \"s\", \"interventions\": [], \"outcomes\": [\"Y\"],"
                + " \"samples\": 1.5, \"seed\": 1}")).hasMessageContaining("whole number \"samples\"");
        assertThatThrownBy(() -> Scenario.fromJson("{\"name\": \"s\",")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> Scenario.fromJson("{\"name\": \"s\", \"interventions\": [], \"outcomes\": [\"Y\"],"
                + " \"subgroup\": \"x >\", \"samples\": 1, \"seed\": 1}")).hasMessageContaining("ends where");
    }
}
