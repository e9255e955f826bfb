package org.recausal.engine.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;

class MappingResolverTest {

    @TempDir
    Path folder;

    private static Dag dag(Variable... variables) {
        Dag dag = new Dag();
        for (Variable v : variables) {
            dag.addVariable(v);
        }
        return dag;
    }

    private static ColumnInfo column(String name, ColumnType type) {
        return new ColumnInfo(name, type, ColumnInfo.UNCOUNTED);
    }

    @Test
    void namesMatchIgnoringCaseAndPunctuation() {
        assertThat(NameKey.of("Item_Popularity")).isEqualTo("itempopularity");
        assertThat(NameKey.of("itemPopularity")).isEqualTo("itempopularity");
        assertThat(NameKey.of("item popularity")).isEqualTo("itempopularity");
        assertThat(NameKey.of("Größe-2")).isEqualTo("größe2");

        Dag dag = dag(Variable.of("itemPopularity"), Variable.of("user_age"), Variable.of("click", Role.OUTCOME,
                DataType.BINARY));
        for (String name : List.of("Item_Popularity", "itemPopularity", "item popularity", "ITEM-POPULARITY")) {
            ResolvedMapping resolved = MappingResolver.resolve(dag,
                    List.of(column(name, ColumnType.DECIMAL), column("User Age", ColumnType.INTEGER),
                            column("clicked", ColumnType.BOOLEAN)), ColumnMapping.automatic());
            assertThat(resolved.column("itemPopularity")).contains(name);
            assertThat(resolved.column("user_age")).contains("User Age");
            assertThat(resolved.unmappedColumns()).containsExactly("clicked");
            assertThat(resolved.nodesWithoutData()).containsExactly("click");
            assertThat(resolved.links()).allMatch(l -> !l.explicit());
            assertThat(resolved.conflicts()).isEmpty();
            assertThat(resolved.issues()).isEmpty();
        }
    }

    @Test
    void explicitLinksAndExclusionsOverrideNames() {
        Dag dag = dag(Variable.of("click", Role.OUTCOME, DataType.BINARY), Variable.of("rating"),
                Variable.of("exposure", Role.EXPOSURE, DataType.BINARY));
        List<ColumnInfo> columns = List.of(column("clicked", ColumnType.BOOLEAN), column("rating", ColumnType.INTEGER),
                column("shown", ColumnType.BOOLEAN), column("exposure", ColumnType.BOOLEAN));
        ColumnMapping mapping = ColumnMapping.automatic()
                .withLink("clicked", "click")
                .withLink("shown", "exposure")
                .withExcluded("rating");
        ResolvedMapping resolved = MappingResolver.resolve(dag, columns, mapping);
        assertThat(resolved.links()).containsExactly(new MappingLink("clicked", "click", true),
                new MappingLink("shown", "exposure", true));
        // 'exposure' the column would match the node by name, but the node is taken by the explicit link.
        assertThat(resolved.unmappedColumns()).containsExactly("rating", "exposure");
        assertThat(resolved.nodesWithoutData()).containsExactly("rating");
        assertThat(resolved.latentByData(dag)).containsExactly("rating");
        dag.updateVariable(dag.require("rating").withRole(Role.LATENT));
        assertThat(resolved.latentByData(dag)).isEmpty();
        assertThat(resolved.node("shown")).contains("exposure");
        assertThat(resolved.hasData("rating")).isFalse();
    }

    @Test
    void exactNamesWinAndWhatStaysAmbiguousIsReportedNotGuessed() {
        Dag dag = dag(Variable.of("item_pop"), Variable.of("itemPop"), Variable.of("age"));
        ResolvedMapping resolved = MappingResolver.resolve(dag,
                List.of(column("ITEM_POP", ColumnType.DECIMAL), column("item-pop", ColumnType.DECIMAL)),
                ColumnMapping.automatic());
        assertThat(resolved.column("item_pop")).contains("ITEM_POP");
        assertThat(resolved.column("itemPop")).contains("item-pop");

        ResolvedMapping ambiguous = MappingResolver.resolve(dag,
                List.of(column("Age ", ColumnType.INTEGER), column("a.g.e", ColumnType.INTEGER)),
                ColumnMapping.automatic());
        assertThat(ambiguous.links()).isEmpty();
        assertThat(ambiguous.issues()).containsExactly(
                "columns 'Age ', 'a.g.e' and nodes 'age' have names that read the same; link them explicitly");
    }

    @Test
    void editsNamingUnknownColumnsOrNodesAreReported() {
        Dag dag = dag(Variable.of("x"), Variable.of("y"));
        ColumnMapping mapping = ColumnMapping.automatic()
                .withLink("gone", "x")
                .withLink("a", "nowhere")
                .withLink("b", "y")
                .withLink("c", "y")
                .withExcluded("absent");
        ResolvedMapping resolved = MappingResolver.resolve(dag,
                List.of(column("a", ColumnType.DECIMAL), column("b", ColumnType.DECIMAL),
                        column("c", ColumnType.DECIMAL), column("x", ColumnType.DECIMAL)), mapping);
        assertThat(resolved.issues()).containsExactly(
                "column 'a' is linked to node 'nowhere', but the graph has no such node",
                "column 'c' is linked to node 'y', which another column already stands for; the link is ignored",
                "column 'gone' is linked to node 'x', but the data has no such column",
                "column 'absent' is left out, but the data has no such column");
        assertThat(resolved.columnsByNode()).containsExactly(java.util.Map.entry("y", "b"), java.util.Map.entry("x", "x"));
    }

    @Test
    void typeConflictsSayWhatIsWrongAndWhatToChange() {
        Dag dag = dag(Variable.of("genre", Role.ORDINARY, DataType.CONTINUOUS),
                Variable.of("visits", Role.ORDINARY, DataType.COUNT),
                Variable.of("bought", Role.ORDINARY, DataType.BINARY),
                Variable.of("stars", Role.ORDINARY, DataType.BINARY),
                Variable.of("user", Role.ORDINARY, DataType.CATEGORICAL),
                Variable.of("when", Role.ORDINARY, DataType.TIMESTAMP),
                Variable.of("price", Role.ORDINARY, DataType.CONTINUOUS));
        ResolvedMapping resolved = MappingResolver.resolve(dag, List.of(
                new ColumnInfo("genre", ColumnType.CATEGORICAL, 12),
                new ColumnInfo("visits", ColumnType.DECIMAL, ColumnInfo.UNCOUNTED),
                new ColumnInfo("bought", ColumnType.INTEGER, 2),
                new ColumnInfo("stars", ColumnType.INTEGER, 5),
                new ColumnInfo("user", ColumnType.ID, 90_000),
                new ColumnInfo("when", ColumnType.INTEGER, 400),
                new ColumnInfo("price", ColumnType.INTEGER, 77)), ColumnMapping.automatic());
        assertThat(resolved.links()).hasSize(7);
        assertThat(resolved.conflicts()).extracting(TypeConflict::message).containsExactly(
                "column 'genre' holds text labels (12 distinct), but a continuous node needs numbers (node 'genre' is "
                        + "continuous); set the node's type to categorical, or map another column",
                "column 'visits' holds decimal numbers, but a count node needs whole numbers (node 'visits' is count); "
                        + "set the node's type to continuous, or map another column",
                "column 'stars' has 5 distinct values, but a binary node needs two (node 'stars' is binary); "
                        + "set the node's type to count, or map another column",
                "column 'user' holds identifiers (90000 distinct), too many for categories (node 'user' is "
                        + "categorical); map another column to this node, or leave it without data",
                "column 'when' holds whole numbers, but a timestamp node needs dates or times (node 'when' is "
                        + "timestamp); set the node's type to count, or map another column");
        assertThat(resolved.conflict("genre")).get().extracting(TypeConflict::columnType)
                .isEqualTo(ColumnType.CATEGORICAL);
        assertThat(resolved.conflict("bought")).isEmpty();
        assertThat(resolved.conflict("price")).isEmpty();
    }

    @Test
    void columnInfoCountsDistinctValuesWhereTheyMatter() throws IOException {
        Path file = folder.resolve("t.csv");
        Files.writeString(file, "kind,flag,n,x\na,yes,1,0.5\nb,no,2,0.25\na,yes,1,0.5\nc,,3,1.5\n");
        Table table = TableReader.read(file).table();
        assertThat(ColumnInfo.of(table)).containsExactly(
                new ColumnInfo("kind", ColumnType.CATEGORICAL, 3),
                new ColumnInfo("flag", ColumnType.BOOLEAN, 2),
                new ColumnInfo("n", ColumnType.INTEGER, 3),
                new ColumnInfo("x", ColumnType.DECIMAL, ColumnInfo.UNCOUNTED));
    }

    @Test
    void mappingEditsAreValues() {
        ColumnMapping base = ColumnMapping.automatic();
        ColumnMapping linked = base.withExcluded("a").withLink("a", "x");
        assertThat(base.isAutomatic()).isTrue();
        assertThat(linked.links()).containsEntry("a", "x");
        assertThat(linked.excluded()).isEmpty();
        assertThat(linked.withNodeRenamed("x", "z").links()).containsEntry("a", "z");
        assertThat(linked.withAutomatic("a")).isEqualTo(ColumnMapping.automatic());
        assertThat(linked.withExcluded("a").links()).isEmpty();
        assertThatThrownBy(() -> ColumnMapping.of(java.util.Map.of("a", "x"), java.util.Set.of("a")))
                .hasMessage("column 'a' cannot be both linked to node 'x' and left out");
    }
}
