package org.recausal.engine.recsys;

/**
 * Adam (Kingma &amp; Ba 2015) over one flat parameter array, dense: every parameter's moments decay at every step,
 * as in the TensorFlow and PyTorch optimisers the published models were trained with.
 */
public final class Adam {
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float[] m;
    private final float[] v;
    private long step;

    public Adam(int size, float learningRate, float beta1, float beta2, float epsilon) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new float[size];
        this.v = new float[size];
    }

    /** Restores the state saved by {@link #moments()} and {@link #steps()}. */
    public void restore(float[] first, float[] second, long steps) {
        System.arraycopy(first, 0, m, 0, m.length);
        System.arraycopy(second, 0, v, 0, v.length);
        this.step = steps;
    }

    public float[][] moments() {
        return new float[][] {m, v};
    }

    public long steps() {
        return step;
    }

    /** One update of {@code params[from..to)} by {@code grads} (same indices); call {@link #nextStep()} first. */
    public void update(float[] params, float[] grads, int from, int to) {
        double t = step;
        float correction1 = (float) (1 - Math.pow(beta1, t));
        float correction2 = (float) (1 - Math.pow(beta2, t));
        float rate = learningRate * (float) Math.sqrt(correction2) / correction1;
        float eps = epsilon; // added to sqrt(v) uncorrected, as in TensorFlow's Adam
        for (int i = from; i < to; i++) {
            float g = grads[i];
            float mi = beta1 * m[i] + (1 - beta1) * g;
            float vi = beta2 * v[i] + (1 - beta2) * g * g;
            m[i] = mi;
            v[i] = vi;
            params[i] -= rate * mi / ((float) Math.sqrt(vi) + eps);
        }
    }

    public void nextStep() {
        step++;
    }
}
