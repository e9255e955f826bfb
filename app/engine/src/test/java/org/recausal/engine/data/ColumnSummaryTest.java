package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnSummaryTest {

    private static final int ROWS = 5_000;
    private static final List<Double> AMOUNTS = new ArrayList<>();
    private static final List<Integer> STARS = new ArrayList<>();
    private static final List<String> GENRES = new ArrayList<>();
    private static final List<Boolean> CLICKS = new ArrayList<>();
    private static Table table;

    @BeforeAll
    static void importGeneratedFile(@TempDir Path dir) throws IOException {
        Random random = new Random(3);
        String[] genres = {"drama", "comedy", "horror", "documentary"};
        StringBuilder text = new StringBuilder("amount,stars,genre,clicked\n");
        for (int i = 0; i < ROWS; i++) {
            boolean gap = i % 97 == 0;
            double amount = Math.round(random.nextGaussian() * 1000 + 5000) / 100.0;
            int stars = 1 + random.nextInt(5);
            String genre = genres[Math.min(3, (int) Math.abs(random.nextGaussian() * 1.5))];
            boolean clicked = random.nextDouble() < 0.3;
            AMOUNTS.add(gap ? null : amount);
            STARS.add(stars);
            GENRES.add(genre);
            CLICKS.add(clicked);
            text.append(gap ? "NA" : amount).append(',').append(stars).append(',').append(genre).append(',')
                    .append(clicked).append('\n');
        }
        Path file = dir.resolve("summary.csv");
        Files.writeString(file, text);
        table = TableReader.read(file).table();
    }

    @Test
    void numericSummaryMatchesStraightforwardComputation() {
        List<Double> present = AMOUNTS.stream().filter(v -> v != null).toList();
        double mean = present.stream().mapToDouble(Double::doubleValue).sum() / present.size();
        double variance = present.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (present.size() - 1);

        ColumnSummary summary = ColumnSummary.of(table.column("amount"));

        assertThat(summary.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(summary.count()).isEqualTo(present.size());
        assertThat(summary.missing()).isEqualTo(ROWS - present.size());
        assertThat(summary.distinct()).isEqualTo(new HashSet<>(present).size());
        assertThat(summary.distinctExact()).isTrue();
        assertThat(summary.min()).isEqualTo(present.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        assertThat(summary.max()).isEqualTo(present.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(summary.mean()).isCloseTo(mean, within(1e-9));
        assertThat(summary.sd()).isCloseTo(Math.sqrt(variance), within(1e-9));
    }

    @Test
    void histogramBinsCoverTheRangeAndCountEveryValue() {
        ColumnSummary summary = ColumnSummary.of(table.column("amount"));
        List<ColumnSummary.Bin> bins = summary.histogram();

        assertThat(bins).hasSizeBetween(5, 50);
        assertThat(bins.getFirst().lower()).isEqualTo(summary.min());
        assertThat(bins.getLast().upper()).isEqualTo(summary.max());
        assertThat(bins.stream().mapToLong(ColumnSummary.Bin::count).sum()).isEqualTo(summary.count());
        for (ColumnSummary.Bin bin : bins) {
            long expected = AMOUNTS.stream().filter(v -> v != null && v >= bin.lower()
                    && (v < bin.upper() || bin == bins.getLast())).count();
            assertThat(bin.count()).as("bin from %s", bin.lower()).isEqualTo(expected);
        }
    }

    @Test
    void smallIntegerRangesGetOneBinPerValue() {
        ColumnSummary summary = ColumnSummary.of(table.column("stars"));

        assertThat(summary.histogram()).hasSize(5);
        for (int star = 1; star <= 5; star++) {
            ColumnSummary.Bin bin = summary.histogram().get(star - 1);
            int value = star;
            assertThat(bin.lower()).isEqualTo(star - 0.5);
            assertThat(bin.upper()).isEqualTo(star + 0.5);
            assertThat(bin.count()).isEqualTo(STARS.stream().filter(s -> s == value).count());
        }
        assertThat(summary.distinct()).isEqualTo(5);
    }

    @Test
    void categoricalSummaryCountsLabelsMostFrequentFirst() {
        Map<String, Long> counts = new HashMap<>();
        GENRES.forEach(g -> counts.merge(g, 1L, Long::sum));

        ColumnSummary summary = ColumnSummary.of(table.column("genre"), 2);

        assertThat(summary.distinct()).isEqualTo(counts.size());
        assertThat(summary.mean()).isNaN();
        assertThat(summary.histogram()).isEmpty();
        List<Map.Entry<String, Long>> expected = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(2).toList();
        assertThat(summary.topCategories()).containsExactly(
                new ColumnSummary.CategoryCount(expected.get(0).getKey(), expected.get(0).getValue()),
                new ColumnSummary.CategoryCount(expected.get(1).getKey(), expected.get(1).getValue()));
    }

    @Test
    void booleanSummaryCountsTrueAndFalse() {
        long trues = CLICKS.stream().filter(c -> c).count();

        ColumnSummary summary = ColumnSummary.of(table.column("clicked"));

        assertThat(summary.type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(summary.mean()).isCloseTo((double) trues / ROWS, within(1e-12));
        assertThat(summary.topCategories()).containsExactly(
                new ColumnSummary.CategoryCount("false", ROWS - trues), new ColumnSummary.CategoryCount("true", trues));
    }

    @Test
    void aConstantColumnGetsOneBinAndNoSpread(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("c.csv");
        Files.writeString(file, "x\n2.5\n2.5\n2.5\n");

        ColumnSummary summary = ColumnSummary.of(TableReader.read(file).table().column("x"));

        assertThat(summary.sd()).isZero();
        assertThat(summary.histogram()).containsExactly(new ColumnSummary.Bin(2.5, 2.5, 3));
    }
}
