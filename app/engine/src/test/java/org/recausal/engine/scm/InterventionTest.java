package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InterventionTest {

    @Test
    void readsEachForm() {
        assertThat(Intervention.parse("X=1")).isEqualTo(new Intervention.SetValue("X", "1"));
        assertThat(Intervention.parse(" device = \"mobile\" ")).isEqualTo(new Intervention.SetValue("device", "mobile"));
        assertThat(Intervention.parse("Z+=0.5")).isEqualTo(new Intervention.Shift("Z", 0.5));
        assertThat(Intervention.parse("Z -= 2")).isEqualTo(new Intervention.Shift("Z", -2));
        Intervention rule = Intervention.parse("exposure:=bernoulli(0.5 * exposure)");
        assertThat(rule).isInstanceOf(Intervention.Assign.class);
        assertThat(((Intervention.Assign) rule).readsNaturalValue()).isTrue();
        assertThat(((Intervention.Assign) Intervention.parse("X:=Z*2")).readsNaturalValue()).isFalse();
    }

    @Test
    void textRoundTrips() {
        for (String text : new String[] {"X=1", "Z+=0.5", "Z-=2.0", "X:=min(X, 3)"}) {
            assertThat(Intervention.parse(Intervention.parse(text).text())).isEqualTo(Intervention.parse(text));
        }
    }

    @Test
    void refusesWhatIsNotAnIntervention() {
        assertThatThrownBy(() -> Intervention.parse("X")).hasMessageContaining("is not an intervention");
        assertThatThrownBy(() -> Intervention.parse("X+=a lot")).hasMessageContaining("a shift needs a number");
        assertThatThrownBy(() -> Intervention.parse("X:=1+")).hasMessageContaining("ends where a value is expected");
    }
}
