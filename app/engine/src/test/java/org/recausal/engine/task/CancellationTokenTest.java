package org.recausal.engine.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CancellationTokenTest {

    @Test
    void throwsOnlyAfterCancel() {
        CancellationToken token = new CancellationToken();
        assertThatCode(token::throwIfCancelled).doesNotThrowAnyException();
        assertThat(token.isCancelled()).isFalse();

        token.cancel();

        assertThat(token.isCancelled()).isTrue();
        assertThatThrownBy(token::throwIfCancelled).isInstanceOf(CancelledException.class)
                .hasMessageContaining("cancelled");
    }

    @Test
    void noneTokensAreIndependent() {
        CancellationToken first = CancellationToken.none();
        first.cancel();
        assertThat(CancellationToken.none().isCancelled()).isFalse();
    }
}
