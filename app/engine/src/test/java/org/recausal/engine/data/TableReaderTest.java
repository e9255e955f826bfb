package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.recausal.engine.task.CancellationToken;
import org.recausal.engine.task.ProgressListener;

class TableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static ImportResult read(Path file, ImportOptions options) {
        return TableReader.read(file, options, ProgressListener.NONE, CancellationToken.none());
    }

    @ParameterizedTest
    @EnumSource(value = Delimiter.class, names = {"COMMA", "TAB", "SEMICOLON", "PIPE", "SPACE"})
    void detectsEachDelimiterAndHeader(Delimiter delimiter) throws IOException {
        String d = String.valueOf(delimiter.symbol());
        Path file = write("ratings.txt", String.join(d, "user", "item", "rating") + "\n"
                + String.join(d, "u1", "i1", "4.5") + "\n" + String.join(d, "u2", "i1", "3") + "\n");

        ImportResult result = TableReader.read(file);

        assertThat(result.report().dialect()).isEqualTo(new Dialect(delimiter, true));
        Table table = result.table();
        assertThat(table.name()).isEqualTo("ratings");
        assertThat(table.columnNames()).containsExactly("user", "item", "rating");
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.decimals("rating").get(0)).isEqualTo(4.5);
        assertThat(table.labels("user").label(1)).isEqualTo("u2");
    }

    @Test
    void readsAFileWithoutHeaderUnderGeneratedNames() throws IOException {
        Path file = write("plain.csv", "1,10,0.5\n2,20,1.5\n3,30,2.5\n");

        ImportResult result = TableReader.read(file);

        assertThat(result.report().dialect().header()).isFalse();
        assertThat(result.table().columnNames()).containsExactly("column_1", "column_2", "column_3");
        assertThat(result.table().integers("column_2").get(2)).isEqualTo(30);
    }

    @Test
    void detectsAHeaderOverTextColumns() throws IOException {
        assertThat(TableReader.read(write("a.csv", "name,city\nann,paris\nbob,rome\n")).report().dialect().header())
                .isTrue();
        assertThat(TableReader.read(write("b.csv", "ann,paris\nbob,rome\nann,oslo\n")).report().dialect().header())
                .isFalse();
    }

    @Test
    void headerAndDelimiterCanBeFixed() throws IOException {
        Path file = write("fixed.csv", "1;2\n3;4\n");
        ImportOptions options = ImportOptions.defaults().withDelimiter(Delimiter.SEMICOLON)
                .withHeader(HeaderMode.PRESENT);

        Table table = read(file, options).table();

        assertThat(table.columnNames()).containsExactly("1", "2");
        assertThat(table.rowCount()).isEqualTo(1);
        assertThat(table.integers("2").get(0)).isEqualTo(4);
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        Path file = write("quoted.csv", "id,title,score\r\n1,\"Heat, The\",2\r\n2,\"say \"\"hi\"\"\",3\r\n"
                + "3,\"line one\nline two\",4\r\n4,plain,x\r\n");

        ImportResult result = read(file, ImportOptions.defaults().withColumnType("score", ColumnType.INTEGER));

        CategoricalColumn title = result.table().labels("title");
        assertThat(title.label(0)).isEqualTo("Heat, The");
        assertThat(title.label(1)).isEqualTo("say \"hi\"");
        assertThat(title.label(2)).isEqualTo("line one\nline two");
        // the line number counts the line break inside the quotes
        assertThat(result.report().examples(ProblemKind.UNPARSABLE_VALUE))
                .containsExactly(new ImportProblem(ProblemKind.UNPARSABLE_VALUE, 6, "score", "'x' is not a whole number"));
    }

    @Test
    void toleratesAUtf8ByteOrderMark() throws IOException {
        byte[] text = "name,n\nä,1\nö,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        Table table = TableReader.read(write("bom.csv", withBom)).table();

        assertThat(table.columnNames()).containsExactly("name", "n");
        assertThat(table.labels("name").label(0)).isEqualTo("ä");
    }

    @Test
    void gunzipsByMagicBytesWhateverTheName() throws IOException {
        Path file = dir.resolve("data.bin");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("a\tb\n1\t2\n3\t4\n".getBytes(StandardCharsets.UTF_8));
        }

        ImportResult result = TableReader.read(file);

        assertThat(result.report().dialect().delimiter()).isEqualTo(Delimiter.TAB);
        assertThat(result.table().integers("b").get(1)).isEqualTo(4);
    }

    @Test
    void tableNameDropsCompressionAndFormatExtensions() {
        assertThat(TableReader.tableName("ratings.tsv.gz")).isEqualTo("ratings");
        assertThat(TableReader.tableName("users")).isEqualTo("users");
    }

    @Test
    void refusesFilesThatAreNotText() throws IOException {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        assertThatThrownBy(() -> TableReader.read(write("image.png", binary)))
                .isInstanceOf(DataImportException.class).hasMessageContaining("image.png is not a text file");
        assertThatThrownBy(() -> TableReader.read(write("book.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0})))
                .hasMessageContaining("ZIP archive");
        assertThatThrownBy(() -> TableReader.read(write("u16.csv", "\uFEFFa,b".getBytes(StandardCharsets.UTF_16LE))))
                .hasMessageContaining("UTF-16");
    }

    @Test
    void explainsEmptyAndHeaderOnlyFiles() throws IOException {
        assertThatThrownBy(() -> TableReader.read(write("empty.csv", "")))
                .isInstanceOf(DataImportException.class).hasMessage("empty.csv is empty: it holds no records");
        assertThatThrownBy(() -> TableReader.read(write("blank.csv", "\n\n")))
                .hasMessage("blank.csv is empty: it holds no records");
        assertThatThrownBy(() -> TableReader.read(write("head.csv", "user,item,rating\n")))
                .hasMessageContaining("head.csv has a header row (user, item, rating) but no data rows");
    }

    @Test
    void infersColumnTypes() throws IOException {
        StringBuilder text = new StringBuilder(
                "userId,rating,liked,genre,day,timestamp,created_ms,count\n");
        for (int i = 0; i < 40; i++) {
            text.append(1000 + i).append(',').append(i % 5 + 0.5).append(',').append(i % 2 == 0 ? "yes" : "no")
                    .append(',').append(i % 3 == 0 ? "drama" : "comedy").append(',')
                    .append(String.format("2024-01-%02dT10:00:00Z", i % 28 + 1)).append(',')
                    .append(1_700_000_000L + i).append(',').append(1_700_000_000_000L + i).append(',')
                    .append(i).append('\n');
        }

        ImportReport report = TableReader.read(write("types.csv", text.toString())).report();

        assertThat(report.columnTypes()).containsExactly(
                java.util.Map.entry("userId", ColumnType.ID),
                java.util.Map.entry("rating", ColumnType.DECIMAL),
                java.util.Map.entry("liked", ColumnType.BOOLEAN),
                java.util.Map.entry("genre", ColumnType.CATEGORICAL),
                java.util.Map.entry("day", ColumnType.TIMESTAMP),
                java.util.Map.entry("timestamp", ColumnType.TIMESTAMP),
                java.util.Map.entry("created_ms", ColumnType.TIMESTAMP),
                java.util.Map.entry("count", ColumnType.INTEGER));
    }

    @Test
    void readsEpochSecondsAndMillisAsInstants() throws IOException {
        Table table = TableReader.read(write("t.csv", "ts,time_ms\n1700000000,1700000000123\n1700000001,1700000001000\n"))
                .table();

        assertThat(table.timestamps("ts").instant(0)).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
        assertThat(table.timestamps("time_ms").instant(0)).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    }

    @Test
    void doesNotTakeSmallNumbersOrUntimelyNamesForTimes() throws IOException {
        ImportReport report = TableReader.read(write("n.csv", "time_spent,size\n12,1700000000\n30,1700000001\n"))
                .report();

        assertThat(report.columnTypes()).containsEntry("time_spent", ColumnType.INTEGER)
                .containsEntry("size", ColumnType.INTEGER);
    }

    @Test
    void idNamedColumnsWithFewValuesAreCategorical() throws IOException {
        Path file = write("ids.csv", "genre_id,user_age\n1,30\n2,40\n1,50\n");

        ImportReport report = TableReader.read(file).report();

        assertThat(report.columnTypes()).containsEntry("genre_id", ColumnType.CATEGORICAL)
                .containsEntry("user_age", ColumnType.INTEGER);
    }

    @Test
    void typesCanBeOverridden() throws IOException {
        Path file = write("o.csv", "zip,when,flag\n01234,1700000000,1\n99999,1700000001,0\n");
        ImportOptions options = ImportOptions.defaults().withColumnType("zip", ColumnType.CATEGORICAL)
                .withColumnType("when", ColumnType.TIMESTAMP).withColumnType("flag", ColumnType.INTEGER);

        Table table = read(file, options).table();

        assertThat(table.labels("zip").label(0)).isEqualTo("01234");
        assertThat(table.timestamps("when").epochMillis(1)).isEqualTo(1_700_000_001_000L);
        assertThat(table.integers("flag").get(0)).isEqualTo(1);
    }

    @Test
    void previewReadsOnlyTheFirstRecordsWithTheirProblems() throws IOException {
        StringBuilder text = new StringBuilder("user;rating\n");
        for (int row = 1; row <= 1000; row++) {
            text.append("u").append(row).append(';').append(row == 4 ? "x" : row == 900 ? "" : row % 5).append('\n');
        }
        Path file = write("p.csv", text.toString());

        ImportResult preview = TableReader.preview(file, ImportOptions.defaults(), 10, CancellationToken.none());

        assertThat(preview.table().rowCount()).isEqualTo(10);
        assertThat(preview.table().labels("user").label(9)).isEqualTo("u10");
        assertThat(preview.report().dialect()).isEqualTo(new Dialect(Delimiter.SEMICOLON, true));
        assertThat(preview.report().columnTypes()).containsEntry("rating", ColumnType.INTEGER);
        assertThat(preview.report().examples()).extracting(ImportProblem::line).containsExactly(5L);
        assertThat(read(file, ImportOptions.defaults()).report().examples()).extracting(ImportProblem::line)
                .containsExactly(5L, 901L);
    }

    @Test
    void refusesAnOverrideForAColumnThatIsNotThere() throws IOException {
        Path file = write("o.csv", "a,b\n1,2\n");

        assertThatThrownBy(() -> read(file, ImportOptions.defaults().withColumnType("c", ColumnType.DECIMAL)))
                .isInstanceOf(DataImportException.class)
                .hasMessage("a type is set for column 'c', but o.csv has no such column; its columns are a, b");
    }

    @Test
    void widensAnInferredColumnWhenLaterValuesNeedIt() throws IOException {
        StringBuilder text = new StringBuilder("x,clicked\n");
        for (int i = 0; i < 30; i++) {
            text.append(i).append(',').append(i % 2).append('\n');
        }
        text.append("2.5,2\n");
        ImportOptions options = ImportOptions.defaults().withSampleRecords(10);

        ImportResult result = read(write("w.csv", text.toString()), options);

        assertThat(result.report().totalProblems()).isZero();
        assertThat(result.table().decimals("x").get(30)).isEqualTo(2.5);
        assertThat(result.table().decimals("x").get(29)).isEqualTo(29.0);
        assertThat(result.table().integers("clicked").get(30)).isEqualTo(2);
        assertThat(result.table().integers("clicked").get(29)).isEqualTo(1);
    }

    @Test
    void aStrayWordDoesNotTurnANumberColumnIntoLabels() throws IOException {
        StringBuilder text = new StringBuilder("clicks\n");
        for (int i = 0; i < 40; i++) {
            text.append(i == 20 ? "n/a" : String.valueOf(i)).append('\n');
        }

        ImportResult result = TableReader.read(write("s.csv", text.toString()));

        assertThat(result.table().integers("clicks").isMissing(20)).isTrue();
        assertThat(result.report().examples(ProblemKind.UNPARSABLE_VALUE)).containsExactly(new ImportProblem(
                ProblemKind.UNPARSABLE_VALUE, 22, "clicks", "'n/a' is not a whole number"));
    }

    @Test
    void treatsMissingTokensAsMissingAndCountsThem() throws IOException {
        Path file = write("m.csv", "a,b\n1,x\nNA,y\n,null\nNaN,z\n5,\"\"\n");

        ImportResult result = TableReader.read(file);

        IntegerColumn a = result.table().integers("a");
        assertThat(a.isMissing(1)).isTrue();
        assertThat(a.isMissing(3)).isTrue();
        assertThat(a.missingCount()).isEqualTo(3);
        assertThat(result.table().labels("b").missingCount()).isEqualTo(2);
        assertThat(result.report().problemCount(ProblemKind.MISSING_VALUE)).isEqualTo(5);
        assertThat(result.report().examples(ProblemKind.MISSING_VALUE).getFirst())
                .isEqualTo(new ImportProblem(ProblemKind.MISSING_VALUE, 3, "a", "missing value"));
    }

    @Test
    void missingTokensCanBeChanged() throws IOException {
        Path file = write("m.csv", "a,b\n1,NA\n-,y\n3,z\n");

        Table table = read(file, ImportOptions.defaults().withMissingTokens("", "-")).table();

        assertThat(table.integers("a").isMissing(1)).isTrue();
        assertThat(table.labels("b").label(0)).isEqualTo("NA");
    }

    private static final String TROUBLED = "a,b\n1,2\n3\n4,x\n5,\n6,7,8\n9,10\n";
    /** The sample holds an 'x' in b; fixing its type keeps these tests about the policies. */
    private static final ImportOptions FIXED_TYPES = ImportOptions.defaults().withColumnType("b", ColumnType.INTEGER);

    @Test
    void dropRowPolicyLeavesOutEveryTroubledRecord() throws IOException {
        ImportResult result = read(write("p.csv", TROUBLED), FIXED_TYPES.withPolicy(ProblemPolicy.DROP_ROW));

        Table table = result.table();
        assertThat(table.rowCount()).isEqualTo(2);
        assertThat(table.integers("a").get(1)).isEqualTo(9);
        assertThat(table.integers("b").get(1)).isEqualTo(10);
        assertThat(table.integers("b").missingCount()).isZero();
        ImportReport report = result.report();
        assertThat(report.recordsRead()).isEqualTo(6);
        assertThat(report.rowsDropped()).isEqualTo(4);
        assertThat(report.problemCounts()).containsOnly(
                java.util.Map.entry(ProblemKind.WRONG_FIELD_COUNT, 2L),
                java.util.Map.entry(ProblemKind.UNPARSABLE_VALUE, 1L),
                java.util.Map.entry(ProblemKind.MISSING_VALUE, 1L));
        assertThat(report.examples(ProblemKind.WRONG_FIELD_COUNT)).extracting(ImportProblem::line)
                .containsExactly(3L, 6L);
    }

    @Test
    void treatAsMissingPolicyKeepsEveryRecord() throws IOException {
        ImportResult result = read(write("p.csv", TROUBLED),
                FIXED_TYPES.withPolicy(ProblemPolicy.TREAT_AS_MISSING));

        IntegerColumn b = result.table().integers("b");
        assertThat(result.table().rowCount()).isEqualTo(6);
        assertThat(b.isMissing(1)).isTrue(); // too few fields
        assertThat(b.isMissing(2)).isTrue(); // x
        assertThat(b.isMissing(3)).isTrue(); // empty
        assertThat(b.get(4)).isEqualTo(7); // extra field ignored
        assertThat(b.missingCount()).isEqualTo(3);
        assertThat(result.report().rowsDropped()).isZero();
    }

    @Test
    void stopPolicyNamesLineAndColumn() throws IOException {
        Path file = write("p.csv", TROUBLED);
        ImportOptions options = FIXED_TYPES.withPolicy(ProblemPolicy.TREAT_AS_MISSING)
                .withPolicy(ProblemKind.UNPARSABLE_VALUE, ProblemPolicy.STOP);

        assertThatThrownBy(() -> read(file, options)).isInstanceOfSatisfying(DataImportException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo("b");
            assertThat(e.getMessage()).isEqualTo(
                    "import of p.csv stopped at line 4, column 'b': 'x' is not a whole number");
        });
        assertThatThrownBy(() -> read(file, FIXED_TYPES.withPolicy(ProblemPolicy.STOP)))
                .hasMessage("import of p.csv stopped at line 3: 1 fields where 2 were expected");
    }

    @Test
    void reportsAnUnclosedQuote() throws IOException {
        ImportResult result = TableReader.read(write("q.csv", "a,b\n1,ok\n2,\"never closed\n3,x\n"));

        assertThat(result.table().rowCount()).isEqualTo(1);
        assertThat(result.report().examples(ProblemKind.UNCLOSED_QUOTE)).extracting(ImportProblem::line)
                .containsExactly(3L);
    }

    @Test
    void cancellationStopsTheImportMidFile() throws IOException {
        StringBuilder text = new StringBuilder("id,value\n");
        for (int i = 0; i < 300_000; i++) {
            text.append(i).append(',').append(i * 0.5).append('\n');
        }
        Path file = write("big.csv", text.toString());
        CancellationToken token = new CancellationToken();
        java.util.List<Double> fractions = new java.util.ArrayList<>();
        ProgressListener cancelAtFirstProgress = (fraction, message) -> {
            fractions.add(fraction);
            if (fraction > 0) {
                token.cancel();
            }
        };

        assertThatThrownBy(() -> TableReader.read(file, ImportOptions.defaults(), cancelAtFirstProgress, token))
                .isInstanceOf(org.recausal.engine.task.CancelledException.class);
        assertThat(fractions).hasSize(2).allSatisfy(f -> assertThat(f).isLessThan(1.0));
    }

    @Test
    void importsAGeneratedInteractionFileWithTheRightSums() throws IOException {
        int rows = 300_000;
        java.util.Random random = new java.util.Random(42);
        long userSum = 0;
        double ratingSum = 0;
        long timeSum = 0;
        java.util.Set<Integer> items = new java.util.HashSet<>();
        Path file = dir.resolve("interactions.csv.gz");
        try (var out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8))) {
            out.write("user_id,item_id,rating,timestamp\n");
            for (int i = 0; i < rows; i++) {
                int user = random.nextInt(5_000);
                int item = random.nextInt(2_000);
                int halfStars = 1 + random.nextInt(10);
                long time = 1_500_000_000L + random.nextInt(100_000_000);
                userSum += user;
                items.add(item);
                ratingSum += halfStars / 2.0;
                timeSum += time;
                out.write(user + "," + item + "," + (halfStars / 2.0) + "," + time + "\n");
            }
        }
        java.util.List<Double> fractions = new java.util.ArrayList<>();

        ImportResult result = TableReader.read(file, ImportOptions.defaults(), (f, m) -> fractions.add(f),
                CancellationToken.none());

        Table table = result.table();
        assertThat(table.rowCount()).isEqualTo(rows);
        assertThat(result.report().totalProblems()).isZero();
        CategoricalColumn users = table.labels("user_id");
        assertThat(users.type()).isEqualTo(ColumnType.ID);
        long importedUserSum = 0;
        double importedRatingSum = 0;
        long importedTimeSum = 0;
        DecimalColumn ratings = table.decimals("rating");
        TimestampColumn times = table.timestamps("timestamp");
        for (int row = 0; row < rows; row++) {
            importedUserSum += Long.parseLong(users.label(row));
            importedRatingSum += ratings.get(row);
            importedTimeSum += times.epochMillis(row) / 1000;
        }
        assertThat(importedUserSum).isEqualTo(userSum);
        assertThat(importedRatingSum).isEqualTo(ratingSum);
        assertThat(importedTimeSum).isEqualTo(timeSum);
        assertThat(table.labels("item_id").dictionary().size()).isEqualTo(items.size());
        assertThat(fractions).isSorted().startsWith(0.0).endsWith(1.0);
        // codes + doubles + longs + bitsets: well under 40 bytes a row
        assertThat(table.estimatedBytes() / rows).isLessThan(40);
    }
}
