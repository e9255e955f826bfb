package org.recausal.engine.model;

/**
 * A conditional probability table: for each combination of discrete input levels, the level frequencies of a
 * discrete target. Each row is smoothed towards the marginal frequencies with the weight of one observation, so a
 * combination never seen gets the marginal distribution and a rare one is not all-or-nothing.
 */
public final class ConditionalTable implements Classifier {

    /** Tables with more cells than this are refused: most combinations would go unseen. */
    public static final int MAX_COMBINATIONS = 1 << 16;

    private final Features features;
    private final int levels;
    private final int[] radix;
    private final double[][] rows;

    /** A table of the given rows, one per combination of input levels (the first input varying fastest). */
    static ConditionalTable of(Features features, int levels, double[][] rows) {
        return new ConditionalTable(features, levels, radix(features), rows);
    }

    private static int[] radix(Features features) {
        int[] radix = new int[features.inputCount()];
        for (int j = 0; j < radix.length; j++) {
            radix[j] = features.scales().get(j).levelCount();
        }
        return radix;
    }

    /** The probabilities of the levels, one row per combination of input levels. */
    double[][] rows() {
        return rows;
    }

    private ConditionalTable(Features features, int levels, int[] radix, double[][] rows) {
        this.features = features;
        this.levels = levels;
        this.radix = radix;
        this.rows = rows;
    }

    /** Whether a table can be built over these inputs: all discrete and not too many combinations. */
    public static boolean fits(Features features) {
        long combinations = 1;
        for (Scale scale : features.scales()) {
            if (!scale.isDiscrete()) {
                return false;
            }
            combinations *= scale.levelCount();
            if (combinations > MAX_COMBINATIONS) {
                return false;
            }
        }
        return true;
    }

    public static ConditionalTable fit(TrainingSet data, int levels) {
        Features features = data.features();
        if (!fits(features)) {
            throw new IllegalArgumentException("a probability table needs discrete inputs with at most "
                    + MAX_COMBINATIONS + " combinations of levels");
        }
        int[] radix = radix(features);
        int combinations = 1;
        for (int r : radix) {
            combinations *= r;
        }
        double[][] counts = new double[combinations][levels];
        double[] marginal = new double[levels];
        double total = 0;
        double[] y = data.target();
        for (int i = 0; i < data.rows(); i++) {
            double w = data.weight(i);
            if (w == 0) {
                continue;
            }
            int level = (int) y[i];
            counts[cell(radix, data.inputs(), i)][level] += w;
            marginal[level] += w;
            total += w;
        }
        for (int k = 0; k < levels; k++) {
            marginal[k] /= total;
        }
        for (double[] row : counts) {
            double sum = 0;
            for (double c : row) {
                sum += c;
            }
            for (int k = 0; k < levels; k++) {
                row[k] = (row[k] + marginal[k]) / (sum + 1);
            }
        }
        return new ConditionalTable(features, levels, radix, counts);
    }

    private static int cell(int[] radix, double[][] columns, int row) {
        int index = 0;
        int stride = 1;
        for (int j = 0; j < radix.length; j++) {
            index += (int) columns[j][row] * stride;
            stride *= radix[j];
        }
        return index;
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public int levels() {
        return levels;
    }

    @Override
    public void probabilities(double[][] columns, int row, double[] out) {
        System.arraycopy(rows[cell(radix, columns, row)], 0, out, 0, levels);
    }

    @Override
    public String description() {
        return "probability table";
    }
}
