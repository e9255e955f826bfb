package org.recausal.engine.recsys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import smile.linalg.blas.cblas_h;

/**
 * Row-major single-precision matrix products {@code C = alpha op(A) op(B) + beta C} on float arrays with offsets.
 * Runs OpenBLAS's sgemm through Smile's binding when the native library loads, else a blocked Java loop.
 * On the shapes of SASRec (a few hundred tokens x 50 x 50) and of full scoring (users x 50 x 23,715 items)
 * OpenBLAS was 10-40x faster than the Java loop on this machine (see {@code bench recsys --kernels}), even with
 * the copies in and out of native memory, so it is the default. OpenBLAS runs single-threaded here: callers
 * parallelise over fixed partitions themselves, which keeps results the same for a seed on any thread count.
 */
public final class Gemm {
    private static final boolean NATIVE = loadNative();
    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private Gemm() {
    }

    /** Whether products run in OpenBLAS rather than in Java. */
    public static boolean isNative() {
        return NATIVE;
    }

    private static boolean loadNative() {
        if (Boolean.getBoolean("recausal.gemm.java")) {
            return false;
        }
        try {
            cblas_h.openblas_set_num_threads(1);
            return true;
        } catch (Throwable e) {
            // No OpenBLAS on this machine (or native access refused): the Java loop computes the same products.
            return false;
        }
    }

    /**
     * C[m x n] = alpha op(A) op(B) + beta C, where op(A) is m x k and op(B) is k x n; {@code transA} means A is
     * stored k x m. Leading dimensions are the stored row lengths.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (NATIVE && (long) m * n * k >= 512) {
            nativeGemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        } else {
            gemmJava(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    private static void nativeGemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        Buffers buffers = BUFFERS.get();
        int aLength = (transA ? k : m) * lda;
        int bLength = (transB ? n : k) * ldb;
        int cLength = m * ldc;
        MemorySegment ma = buffers.a(aLength);
        MemorySegment mb = buffers.b(bLength);
        MemorySegment mc = buffers.c(cLength);
        MemorySegment.copy(a, aOff, ma, ValueLayout.JAVA_FLOAT, 0, aLength - (lda - (transA ? m : k)));
        MemorySegment.copy(b, bOff, mb, ValueLayout.JAVA_FLOAT, 0, bLength - (ldb - (transB ? k : n)));
        if (beta != 0f) {
            MemorySegment.copy(c, cOff, mc, ValueLayout.JAVA_FLOAT, 0, cLength - (ldc - n));
        }
        cblas_h.cblas_sgemm(cblas_h.CblasRowMajor(), transA ? cblas_h.CblasTrans() : cblas_h.CblasNoTrans(),
                transB ? cblas_h.CblasTrans() : cblas_h.CblasNoTrans(), m, n, k, alpha, ma, lda, mb, ldb, beta, mc, ldc);
        MemorySegment.copy(mc, ValueLayout.JAVA_FLOAT, 0, c, cOff, cLength - (ldc - n));
    }

    /**
     * The Java product, the fallback without OpenBLAS: rows of C updated by AXPY loops over contiguous memory,
     * which the JIT vectorises (B^T products take dot products instead).
     */
    public static void gemmJava(boolean transA, boolean transB, int m, int n, int k, float alpha,
            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < n; j++) {
                c[ci + j] = beta == 0f ? 0f : beta * c[ci + j];
            }
            if (transB) {
                for (int j = 0; j < n; j++) {
                    float sum = 0f;
                    for (int p = 0; p < k; p++) {
                        sum += (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]) * b[bOff + j * ldb + p];
                    }
                    c[ci + j] += alpha * sum;
                }
                continue;
            }
            for (int p = 0; p < k; p++) {
                float x = alpha * (transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p]);
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) {
                    c[ci + j] += x * b[bp + j];
                }
            }
        }
    }

    /** Native scratch memory per thread, grown when a product needs more. */
    private static final class Buffers {
        private final Arena arena = Arena.ofAuto();
        private MemorySegment a = MemorySegment.NULL;
        private MemorySegment b = MemorySegment.NULL;
        private MemorySegment c = MemorySegment.NULL;

        MemorySegment a(int floats) {
            a = fit(a, floats);
            return a;
        }

        MemorySegment b(int floats) {
            b = fit(b, floats);
            return b;
        }

        MemorySegment c(int floats) {
            c = fit(c, floats);
            return c;
        }

        private MemorySegment fit(MemorySegment segment, int floats) {
            long bytes = 4L * floats;
            if (segment.byteSize() >= bytes) {
                return segment;
            }
            return arena.allocate(Math.max(bytes, segment.byteSize() * 2), 64);
        }
    }
}
