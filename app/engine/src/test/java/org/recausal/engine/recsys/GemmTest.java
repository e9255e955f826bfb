package org.recausal.engine.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every variant of the product against a plain triple loop in double precision, with offsets and leading dimensions. */
class GemmTest {

    @ParameterizedTest(name = "transA={0} transB={1} {2}x{3}x{4}")
    @CsvSource({"false,false,7,5,3", "true,false,9,4,6", "false,true,3,8,5", "true,true,6,6,7", "false,false,40,50,50",
        "false,true,64,300,50", "true,false,50,50,200"})
    void matchesTheDefinition(boolean transA, boolean transB, int m, int n, int k) {
        SplittableRandom random = new SplittableRandom(m * 31L + n);
        int lda = (transA ? m : k) + 2;
        int ldb = (transB ? k : n) + 1;
        int ldc = n + 3;
        float[] a = values(random, 5 + (transA ? k : m) * lda);
        float[] b = values(random, 4 + (transB ? n : k) * ldb);
        float[] c = values(random, 2 + m * ldc);
        float[] before = c.clone();
        float[] javaC = c.clone();
        Gemm.gemm(transA, transB, m, n, k, 0.5f, a, 5, lda, b, 4, ldb, 2f, c, 2, ldc);
        Gemm.gemmJava(transA, transB, m, n, k, 0.5f, a, 5, lda, b, 4, ldb, 2f, javaC, 2, ldc);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a[5 + p * lda + i] : a[5 + i * lda + p];
                    double y = transB ? b[4 + j * ldb + p] : b[4 + p * ldb + j];
                    sum += x * y;
                }
                int at = 2 + i * ldc + j;
                double expected = 0.5 * sum + 2 * before[at];
                assertThat((double) c[at]).isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
                assertThat((double) javaC[at]).isCloseTo(expected, within(1e-4 * (1 + Math.abs(expected))));
            }
        }
        // Entries before C and in the padding of its rows are untouched.
        assertThat(c[0]).isEqualTo(before[0]);
        assertThat(c[2 + n]).isEqualTo(before[2 + n]);
    }

    private static float[] values(SplittableRandom random, int length) {
        float[] v = new float[length];
        for (int i = 0; i < length; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return v;
    }
}
