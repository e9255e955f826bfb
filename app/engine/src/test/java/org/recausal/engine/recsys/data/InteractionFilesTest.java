package org.recausal.engine.recsys.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.recsys.RecsysException;

class InteractionFilesTest {
    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path f = dir.resolve("log.txt");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void sequenceFileKeepsLineOrderAsTime() throws IOException {
        Interactions log = InteractionFiles.read(file("1 10\n1 11\n2 10\n1 12\n"));
        assertThat(log.size()).isEqualTo(4);
        assertThat(log.users().ids()).containsExactly("1", "2");
        assertThat(log.items().ids()).containsExactly("10", "11", "12");
        assertThat(log.isImplicit()).isTrue();
        assertThat(UserSequences.of(log).items(0)).containsExactly(0, 1, 2);
    }

    @Test
    void denseMatrixWithZeroAsMissing() throws IOException {
        Interactions log = InteractionFiles.read(file("0 3 0 0 5\r\n1 0 0 0 0\r\n0 0 0 0 0\r\n"));
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.users().ids()).containsExactly("0", "1", "2");
        assertThat(log.items().size()).isEqualTo(5);
        assertThat(log.value(0)).isEqualTo(3f);
        assertThat(log.items().id(log.item(1))).isEqualTo("4");
        assertThat(log.isImplicit()).isFalse();
    }

    @Test
    void tripletsAndHeadersWithOptionalColumns() throws IOException {
        Interactions triplets = InteractionFiles.read(file("0,12,4\n0,17,3\n5,12,1\n"));
        assertThat(triplets.size()).isEqualTo(3);
        assertThat(triplets.value(1)).isEqualTo(3f);
        Interactions headed = InteractionFiles.read(file("user,item,rating,timestamp,propensity,position\n"
                + "a,x,5,100,0.5,1\nb,x,2,50,0.25,3\n"));
        assertThat(headed.hasPropensity()).isTrue();
        assertThat(headed.propensity(1)).isEqualTo(0.25f);
        assertThat(headed.time(1)).isEqualTo(50L);
        assertThat(headed.hasPosition()).isTrue();
        assertThat(headed.hasExposure()).isFalse();
    }

    @Test
    void sharedIndicesLineUpATestSetWithItsTrainingSet() throws IOException {
        IdIndex users = new IdIndex();
        IdIndex items = new IdIndex();
        InteractionFiles.read(file("u1 a\nu2 b\n"), users, items);
        Interactions test = InteractionFiles.read(file("u2 a\n"), users, items);
        assertThat(test.user(0)).isEqualTo(1);
        assertThat(test.item(0)).isEqualTo(0);
    }

    @Test
    void badInputIsNamedWithItsLine() throws IOException {
        assertThatThrownBy(() -> InteractionFiles.read(file("1,2,3\n1,2,x\n")))
                .isInstanceOf(RecsysException.class).hasMessage("log.txt:2: the feedback 'x' is not a number");
        assertThatThrownBy(() -> InteractionFiles.read(file("1 2 3 4 5\n1 2 3\n")))
                .hasMessageContaining("log.txt:2: a matrix row of 3 values where the first had 5");
        assertThatThrownBy(() -> InteractionFiles.read(file("user,rating\n1,2\n")))
                .hasMessageContaining("log.txt:1: the header 'user,rating' lacks a user or an item column");
        assertThatThrownBy(() -> InteractionFiles.read(file("user,item,propensity\na,b,0\n")))
                .hasMessageContaining("log.txt:2: the propensity 0.0 is not in (0, 1]");
        assertThatThrownBy(() -> InteractionFiles.read(file("\n# nothing\n"))).hasMessageContaining("holds no interactions");
        assertThatThrownBy(() -> InteractionFiles.read(dir.resolve("absent.txt"))).hasMessageContaining("no such file");
    }
}
