package org.recausal.engine.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.recsys.RecsysException;

class ItemCategoriesTest {
    @TempDir
    Path folder;

    @Test
    void readsCommaAndTabLinesAfterAnOptionalHeader() throws IOException {
        Path file = Files.writeString(folder.resolve("c.csv"), "item,category\n# games\n10,action\n11\tpuzzle\n\n10,action\n");
        assertThat(ItemCategories.read(file)).containsExactly(Map.entry("10", "action"), Map.entry("11", "puzzle"));
    }

    @Test
    void namesTheBadLine() throws IOException {
        Path file = Files.writeString(folder.resolve("c.csv"), "10,action\n11\n");
        assertThatThrownBy(() -> ItemCategories.read(file)).isInstanceOf(RecsysException.class)
                .hasMessage("c.csv:2: expected 'item,category', found '11'");
        Path twice = Files.writeString(folder.resolve("d.csv"), "10,action\n10,puzzle\n");
        assertThatThrownBy(() -> ItemCategories.read(twice)).isInstanceOf(RecsysException.class)
                .hasMessage("d.csv:2: item '10' was given the category 'action' before");
    }
}
