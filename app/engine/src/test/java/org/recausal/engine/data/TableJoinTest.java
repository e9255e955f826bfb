package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableJoinTest {

    @TempDir
    Path dir;

    private Table table(String name, String text) throws IOException {
        return table(name, text, ImportOptions.defaults());
    }

    private Table table(String name, String text, ImportOptions options) throws IOException {
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, text);
        return TableReader.read(file, options.withHeader(HeaderMode.PRESENT),
                org.recausal.engine.task.ProgressListener.NONE, org.recausal.engine.task.CancellationToken.none())
                .table();
    }

    @Test
    void buildsTheAnalysisTableAndReportsUnmatchedKeys() throws IOException {
        Table interactions = table("interactions", """
                user,item,rating
                u1,10,5
                u2,10,3
                u9,11,4
                u1,12,2
                u9,13,1
                ,10,4
                """);
        Table users = table("users", """
                user,age,rating
                u1,30,high
                u2,41,low
                u3,25,low
                """);
        Table items = table("items", """
                item,genre
                10,drama
                11,comedy
                """);

        JoinResult result = TableJoin.analysisTable(interactions, "user", users, "user", "item", items, "item");

        Table joined = result.table();
        assertThat(joined.columnNames()).containsExactly("user", "item", "rating", "age", "users.rating", "genre");
        assertThat(joined.rowCount()).isEqualTo(6);
        assertThat(joined.integers("age").get(1)).isEqualTo(41);
        assertThat(joined.integers("age").isMissing(2)).isTrue();
        assertThat(joined.labels("users.rating").label(0)).isEqualTo("high");
        assertThat(joined.labels("genre").label(2)).isEqualTo("comedy");
        assertThat(joined.labels("genre").isMissing(3)).isTrue();

        JoinReport byUser = result.reports().get(0);
        assertThat(byUser.unmatchedRows()).isEqualTo(2);
        assertThat(byUser.unmatchedKeys()).isEqualTo(1);
        assertThat(byUser.unmatchedExamples()).containsExactly("u9");
        assertThat(byUser.missingKeyRows()).isEqualTo(1);
        assertThat(byUser.unusedRightKeys()).isEqualTo(1);
        assertThat(byUser.allMatched()).isFalse();
        JoinReport byItem = result.reports().get(1);
        assertThat(byItem.rightTable()).isEqualTo("items");
        assertThat(byItem.unmatchedRows()).isEqualTo(2);
        assertThat(byItem.unmatchedExamples()).containsExactly("12", "13");
        assertThat(byItem.unusedRightKeys()).isZero();
    }

    @Test
    void matchesIntegerKeysWithLabelKeysByText() throws IOException {
        Table left = table("left", "k,v\n1,a\n2,b\n");
        Table right = table("right", "key,w\n2,x\n1,y\n",
                ImportOptions.defaults().withColumnType("key", ColumnType.CATEGORICAL));
        assertThat(left.column("k").type()).isEqualTo(ColumnType.INTEGER);

        JoinResult result = TableJoin.leftJoin(left, "k", right, "key");

        assertThat(result.table().labels("w").label(0)).isEqualTo("y");
        assertThat(result.reports().getFirst().allMatched()).isTrue();
    }

    @Test
    void refusesALookupTableWithADuplicateKey() throws IOException {
        Table left = table("left", "k\n7\n");
        Table right = table("dupes", "k,w\n7,x\n7,y\n");

        assertThatThrownBy(() -> TableJoin.leftJoin(left, "k", right, "k")).isInstanceOf(DataException.class)
                .hasMessage("table 'dupes' holds key '7' of column 'k' twice (rows 1 and 2); "
                        + "a table joined on its key must have one row per key");
    }

    @Test
    void refusesDecimalKeysAndUnknownColumns() throws IOException {
        Table left = table("left", "k\n1.5\n");

        assertThatThrownBy(() -> TableJoin.leftJoin(left, "k", left, "k"))
                .hasMessageContaining("a join key must hold whole numbers or labels");
        assertThatThrownBy(() -> TableJoin.leftJoin(left, "nope", left, "k"))
                .hasMessage("table 'left' has no column 'nope'; its columns are k");
    }
}
