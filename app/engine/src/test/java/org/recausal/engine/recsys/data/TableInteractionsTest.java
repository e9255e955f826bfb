package org.recausal.engine.recsys.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.recsys.RecsysException;

class TableInteractionsTest {

    @TempDir
    Path temp;

    private Table table(String csv) throws IOException {
        Path file = temp.resolve("log.csv");
        Files.writeString(file, csv);
        return TableReader.read(file).table();
    }

    @Test
    void readsTheChosenColumnsAndLeavesOutRowsWithoutAUserOrItem() throws IOException {
        Table table = table("""
                user_id,item_id,timestamp,rating,p
                u1,i1,100,4,0.5
                u1,i2,50,5,0.25
                ,i3,60,3,0.5
                u2,i1,70,2,1
                """);
        TableInteractions.Read read = TableInteractions.read(table,
                new TableInteractions.Columns("user_id", "item_id", "timestamp", "rating", "p"), true);
        Interactions log = read.log();
        assertThat(read.skipped()).isEqualTo(1);
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.users().ids()).containsExactly("u1", "u2");
        assertThat(log.items().ids()).containsExactly("i1", "i2");
        assertThat(log.time(1)).isEqualTo(50);
        assertThat(log.value(1)).isEqualTo(5f);
        assertThat(log.propensity(1)).isEqualTo(0.25f);
        // Time order, not row order, makes u1's sequence.
        assertThat(UserSequences.of(log).items(0)).containsExactly(1, 0);
    }

    @Test
    void withoutTimeAndFeedbackTheRowOrderIsTheTimeAndEveryRowCountsOne() throws IOException {
        Table table = table("user,item\na,x\na,y\nb,x\n");
        Interactions log = TableInteractions.read(table, new TableInteractions.Columns("user", "item", null, null, null), false)
                .log();
        assertThat(log.isImplicit()).isTrue();
        assertThat(log.time(2)).isGreaterThan(log.time(1)).isGreaterThan(log.time(0));
        assertThat(log.hasPropensity()).isFalse();
    }

    @Test
    void aTextColumnAsTimeOrAPropensityOutsideZeroOneIsRefusedByName() throws IOException {
        Table table = table("user,item,when,p\na,x,monday,0.5\nb,y,tuesday,1.5\n");
        assertThatThrownBy(() -> TableInteractions.read(table, new TableInteractions.Columns("user", "item", "when", null, null), false))
                .isInstanceOf(RecsysException.class).hasMessageContaining("time column 'when'");
        assertThatThrownBy(() -> TableInteractions.read(table, new TableInteractions.Columns("user", "item", null, null, "p"), false))
                .isInstanceOf(RecsysException.class).hasMessageContaining("row 2").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new TableInteractions.Columns("user", "user", null, null, null))
                .hasMessageContaining("different columns");
    }

    @Test
    void withZeroOneFeedbackARankingModelReadsThePositivesAndARatingModelEveryRow() throws IOException {
        Table table = table("user,item,click\na,x,1\na,y,0\nb,x,0\nb,z,1\n");
        TableInteractions.Columns columns = new TableInteractions.Columns("user", "item", null, "click", null);
        assertThat(TableInteractions.read(table, columns, false).log().size()).isEqualTo(2);
        assertThat(TableInteractions.read(table, columns, true).log().size()).isEqualTo(4);
    }
}
