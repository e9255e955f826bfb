package org.recausal.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the values of a model's inputs into a feature vector: a numeric input is one feature, a binary input its
 * 0/1 code, and a categorical input with k levels k - 1 indicators (the first level is the reference).
 */
public final class Features {

    private final List<String> inputs;
    private final List<Scale> scales;
    private final int[] offsets;
    private final int width;

    private Features(List<String> inputs, List<Scale> scales) {
        if (inputs.size() != scales.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + scales.size() + " scales");
        }
        this.inputs = List.copyOf(inputs);
        this.scales = List.copyOf(scales);
        offsets = new int[inputs.size()];
        int at = 0;
        for (int j = 0; j < scales.size(); j++) {
            offsets[j] = at;
            at += widthOf(scales.get(j));
        }
        width = at;
    }

    public static Features of(List<String> inputs, List<Scale> scales) {
        return new Features(inputs, scales);
    }

    public static Features none() {
        return new Features(List.of(), List.of());
    }

    private static int widthOf(Scale scale) {
        return scale.kind() == Scale.Kind.CATEGORICAL ? scale.levelCount() - 1 : 1;
    }

    public List<String> inputs() {
        return inputs;
    }

    public List<Scale> scales() {
        return scales;
    }

    public int inputCount() {
        return inputs.size();
    }

    /** The number of features. */
    public int width() {
        return width;
    }

    /** Where the features of input {@code j} start. */
    public int offset(int j) {
        return offsets[j];
    }

    /** Writes the features of {@code row} into {@code x[0, width)}; {@code columns[j]} holds input j. */
    public void fill(double[][] columns, int row, double[] x) {
        for (int j = 0; j < offsets.length; j++) {
            Scale scale = scales.get(j);
            double value = columns[j][row];
            if (scale.kind() == Scale.Kind.CATEGORICAL) {
                int from = offsets[j];
                int to = from + scale.levelCount() - 1;
                for (int k = from; k < to; k++) {
                    x[k] = 0;
                }
                int code = (int) value;
                if (code > 0) {
                    x[from + code - 1] = 1;
                }
            } else {
                x[offsets[j]] = value;
            }
        }
    }

    /** Names of the features, e.g. {@code price} or {@code device=mobile}. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(width);
        for (int j = 0; j < inputs.size(); j++) {
            Scale scale = scales.get(j);
            if (scale.kind() == Scale.Kind.CATEGORICAL) {
                for (int level = 1; level < scale.levelCount(); level++) {
                    names.add(inputs.get(j) + "=" + scale.levels().get(level));
                }
            } else {
                names.add(inputs.get(j));
            }
        }
        return names;
    }

    /** Features with one more input appended. */
    public Features with(String input, Scale scale) {
        List<String> moreInputs = new ArrayList<>(inputs);
        moreInputs.add(input);
        List<Scale> moreScales = new ArrayList<>(scales);
        moreScales.add(scale);
        return new Features(moreInputs, moreScales);
    }
}
