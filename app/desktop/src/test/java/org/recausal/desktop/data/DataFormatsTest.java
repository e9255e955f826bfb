package org.recausal.desktop.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.data.ColumnSummary;
import org.recausal.engine.data.ColumnType;

/** Number texts, byte checks and card facts: what the data views print. */
class DataFormatsTest {

    @TempDir
    Path dir;

    @Test
    void numbersReadAsAnalystsWriteThem() {
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(Formats.number(3.14159265)).isEqualTo("3.142");
        assertThat(Formats.number(1234.5678)).isEqualTo("1,235");
        assertThat(Formats.number(0.000123456)).isEqualTo("0.0001235");
        assertThat(Formats.number(12)).isEqualTo("12");
        assertThat(Formats.number(2.5e-7)).isEqualTo("2.500e-07");
        assertThat(Formats.number(Double.NaN)).isEqualTo("\u2013");
        assertThat(Formats.cell(999999.5)).isEqualTo("999999.5");
        assertThat(Formats.cell(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(Formats.cell(4.0)).isEqualTo("4");
        assertThat(Formats.cell(1e-9)).isEqualTo("1.0E-9");
        assertThat(Formats.p(0.04999)).isEqualTo("0.05");
        assertThat(Formats.p(0.012345)).isEqualTo("0.0123");
        assertThat(Formats.p(3e-9)).isEqualTo("< 0.0001");
        assertThat(Formats.statistic(2)).isEqualTo("2");
        assertThat(Formats.statistic(1208.26712)).isEqualTo("1208.267");
        assertThat(Formats.percent(0.004)).isEqualTo("0.4%");
        assertThat(Formats.percent(0.25)).isEqualTo("25%");
        assertThat(Formats.percent(0.997)).isEqualTo("99.7%");
        assertThat(Formats.percent(0.99999)).isEqualTo("> 99.9%");
        assertThat(Formats.percent(0.0000001)).isEqualTo("< 0.1%");
        assertThat(Formats.bytes(1_181_116)).isEqualTo("1.1 MB");
        assertThat(Formats.time(1_717_200_027_000L)).isEqualTo("2024-06-01 00:00:27");
        assertThat(Formats.time(1_717_200_000_000L)).isEqualTo("2024-06-01");
    }

    @Test
    void encodingChecksGzipBomAndUtf8() throws IOException {
        Path plain = Files.writeString(dir.resolve("a.csv"), "x\n\u00e9t\u00e9\n");
        assertThat(TextEncoding.of(plain).description()).isEqualTo("UTF-8");
        assertThat(TextEncoding.of(plain).warning()).isEmpty();

        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            gzip.write("x\n1\n".getBytes(StandardCharsets.UTF_8));
        }
        Path gz = Files.write(dir.resolve("b.csv.gz"), zipped.toByteArray());
        assertThat(TextEncoding.of(gz).description()).isEqualTo("UTF-8 with byte order mark, gzip-compressed");

        // A character cut by the end of the checked part is not an error; a lone continuation byte is.
        byte[] head = "ab\u00e9".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(head, head.length - 1);
        assertThat(TextEncoding.check(false, cut, false).validUtf8()).isTrue();
        assertThat(TextEncoding.check(false, cut, true).invalidOffset()).isEqualTo(2);
    }

    @Test
    void cardsSayWhatMattersForEachKindOfColumn() {
        ColumnSummary labels = new ColumnSummary("device", ColumnType.CATEGORICAL, 95, 5, 9, true, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, List.of(new ColumnSummary.CategoryCount("mobile", 50),
                        new ColumnSummary.CategoryCount("desktop", 20), new ColumnSummary.CategoryCount("tablet", 10),
                        new ColumnSummary.CategoryCount("tv", 5), new ColumnSummary.CategoryCount("watch", 4),
                        new ColumnSummary.CategoryCount("car", 3), new ColumnSummary.CategoryCount("fridge", 2)),
                List.of());
        ColumnFacts facts = ColumnFacts.of(labels);
        assertThat(facts.facts()).containsExactly(new ColumnFacts.Fact("Missing", "5 (5%)"),
                new ColumnFacts.Fact("Distinct", "9"), new ColumnFacts.Fact("Most common", "mobile (53%)"));
        assertThat(facts.chart().histogram()).isFalse();
        assertThat(facts.chart().bars()).hasSize(ColumnFacts.TOP_BARS);
        // 9 distinct, 6 shown: 3 others holding 95 - 92 rows.
        assertThat(facts.chart().note()).isEqualTo("+ 3 other values (3.2% of rows)");

        ColumnSummary ratings = new ColumnSummary("rating", ColumnType.INTEGER, 10, 0, 5, false, 1, 5, 3.2, 1.1,
                List.of(), List.of(new ColumnSummary.Bin(0.5, 1.5, 1), new ColumnSummary.Bin(1.5, 2.5, 2),
                        new ColumnSummary.Bin(2.5, 3.5, 3), new ColumnSummary.Bin(3.5, 4.5, 3),
                        new ColumnSummary.Bin(4.5, 5.5, 1)));
        ColumnFacts numbers = ColumnFacts.of(ratings);
        assertThat(numbers.facts()).containsExactly(new ColumnFacts.Fact("Missing", "none"),
                new ColumnFacts.Fact("Distinct", "\u2265 5"), new ColumnFacts.Fact("Min \u2013 max", "1 \u2013 5"),
                new ColumnFacts.Fact("Mean", "3.2"), new ColumnFacts.Fact("SD", "1.1"));
        assertThat(numbers.chart().bars()).extracting(ColumnFacts.Bar::label).containsExactly("1", "2", "3", "4", "5");
        assertThat(numbers.chart().maxCount()).isEqualTo(3);
        assertThat(numbers.chart().low()).isEqualTo("1");
    }
}
