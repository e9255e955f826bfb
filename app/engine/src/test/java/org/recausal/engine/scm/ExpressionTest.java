package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recausal.engine.model.Scale;

class ExpressionTest {

    private static final List<String> NAMES = List.of("x", "device", "item.price");
    private static final Map<String, Scale> SCALES = Map.of("x", Scale.numeric(),
            "device", Scale.categorical(List.of("app", "desktop", "mobile")), "item.price", Scale.numeric());

    private static double eval(String text, double x, double device, double price) {
        return Expression.parse(text).compile(NAMES, SCALES::get)
                .evaluate(new double[][] {{x}, {device}, {price}}, 0, new SplittableRandom(1));
    }

    @Test
    void arithmeticFollowsPrecedence() {
        assertThat(eval("1 + 2 * 3 ^ 2", 0, 0, 0)).isEqualTo(19);
        assertThat(eval("-x ^ 2", 3, 0, 0)).isEqualTo(-9);
        assertThat(eval("(1 + 2) * x / 4", 2, 0, 0)).isEqualTo(1.5);
        assertThat(eval("2 ^ 3 ^ 2", 0, 0, 0)).isEqualTo(512);
        assertThat(eval("1e3 + .5", 0, 0, 0)).isEqualTo(1000.5);
    }

    @Test
    void functionsComparisonsAndLogic() {
        assertThat(eval("min(x, 3, 2.5)", 4, 0, 0)).isEqualTo(2.5);
        assertThat(eval("clip(x, 0, 1)", 4, 0, 0)).isEqualTo(1);
        assertThat(eval("sigmoid(0)", 0, 0, 0)).isEqualTo(0.5);
        assertThat(eval("log(exp(x))", 1.25, 0, 0)).isCloseTo(1.25, within(1e-12));
        assertThat(eval("if(x > 1 && !(x >= 5), 10, 20)", 3, 0, 0)).isEqualTo(10);
        assertThat(eval("if(x > 1 || x == 0, 10, 20)", 0, 0, 0)).isEqualTo(10);
        assertThat(eval("x != 2", 2, 0, 0)).isZero();
        assertThat(eval("item.price * 2", 0, 0, 4)).isEqualTo(8);
    }

    @Test
    void levelsCompareByLabel() {
        assertThat(eval("device == \"mobile\"", 0, 2, 0)).isEqualTo(1);
        assertThat(eval("device != 'mobile'", 0, 2, 0)).isZero();
        assertThat(eval("'desktop' == device", 0, 1, 0)).isEqualTo(1);
        assertThatThrownBy(() -> eval("device == \"tablet\"", 0, 0, 0)).hasMessageContaining("no level \"tablet\"")
                .hasMessageContaining("[app, desktop, mobile]");
        assertThatThrownBy(() -> eval("x == \"mobile\"", 0, 0, 0)).hasMessageContaining("'x' is numeric");
        assertThatThrownBy(() -> eval("\"mobile\" + 1", 0, 0, 0)).hasMessageContaining("can only be compared");
    }

    @Test
    void randomDrawsFollowTheirDistribution() {
        Expression.Compiled coin = Expression.parse("bernoulli(0.3)").compile(NAMES, SCALES::get);
        SplittableRandom random = new SplittableRandom(5);
        double heads = 0;
        for (int i = 0; i < 100_000; i++) {
            heads += coin.evaluate(new double[][] {{0}, {0}, {0}}, 0, random);
        }
        assertThat(heads / 100_000).isCloseTo(0.3, within(0.005));
        assertThat(Expression.parse("x + normal(0, 1)").isRandom()).isTrue();
        assertThat(Expression.parse("max(x, 1)").isRandom()).isFalse();
    }

    @Test
    void namesTheVariablesItReads() {
        assertThat(Expression.parse("a + min(b, a) * c.d").variables()).containsExactly("a", "b", "c.d");
    }

    @Test
    void syntaxErrorsSayWhereAndWhat() {
        assertThatThrownBy(() -> Expression.parse("1 +")).hasMessageContaining("ends where a value is expected");
        assertThatThrownBy(() -> Expression.parse("min(1, 2")).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> Expression.parse("foo(1)")).hasMessageContaining("unknown function 'foo' at 1");
        assertThatThrownBy(() -> Expression.parse("clip(1, 2)")).hasMessageContaining("takes 3 arguments, not 2");
        assertThatThrownBy(() -> Expression.parse("x # 2")).hasMessageContaining("unexpected '#' at 3");
        assertThatThrownBy(() -> Expression.parse("\"open")).hasMessageContaining("no closing");
        assertThatThrownBy(() -> Expression.parse("y + 1").compile(NAMES, SCALES::get))
                .hasMessageContaining("unknown variable 'y' at 1");
    }
}
