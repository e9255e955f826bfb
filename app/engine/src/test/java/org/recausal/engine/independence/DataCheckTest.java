package org.recausal.engine.independence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.analysis.Independence;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.mapping.ColumnMapping;
import org.recausal.engine.mapping.MappedTable;

/** The graph w -> x <- z -> y, x -> m -> y, checked against data simulated from it and from a graph with more. */
class DataCheckTest {

    @TempDir
    Path folder;

    private static Dag graph() {
        Dag dag = new Dag();
        for (String name : List.of("w", "z", "x", "m", "y")) {
            dag.addVariable(Variable.of(name));
        }
        dag.addEdge("w", "x");
        dag.addEdge("z", "x");
        dag.addEdge("z", "y");
        dag.addEdge("x", "m");
        dag.addEdge("m", "y");
        return dag;
    }

    /** Linear-Gaussian data from the graph; {@code wToY} adds an edge w -> y the graph does not have. */
    private Table simulate(double wToY, int n, long seed, String... dropColumns) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("w,z,x,m,y,segment\n");
        for (int i = 0; i < n; i++) {
            double w = random.nextGaussian();
            double z = random.nextGaussian();
            double x = 0.7 * w + 0.6 * z + random.nextGaussian();
            double m = 0.8 * x + random.nextGaussian();
            double y = 0.5 * z + 0.7 * m + wToY * w + random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f,%.6f,%.6f,%.6f,%s%n", w, z, x, m, y,
                    random.nextBoolean() ? "north" : "south"));
        }
        Path file = folder.resolve("sim" + seed + ".csv");
        Files.writeString(file, csv);
        Table table = TableReader.read(file).table();
        List<org.recausal.engine.data.Column> kept = table.columns().stream()
                .filter(c -> !List.of(dropColumns).contains(c.name())).toList();
        return new Table(table.name(), kept);
    }

    @Test
    void dataFromTheGraphRejectsNothing() throws IOException {
        Dag dag = graph();
        DataCheck.Report report = DataCheck.run(dag, MappedTable.of(dag, simulate(0, 3000, 11), ColumnMapping.automatic()),
                DataCheck.Options.defaults());
        assertThat(report.tests()).extracting(t -> t.implication().toString()).containsExactly(
                "m _||_ w | x", "m _||_ z | x", "w _||_ y | m, z", "w _||_ y | x, z", "w _||_ z", "x _||_ y | m, z");
        assertThat(report.tests()).allMatch(t -> t.result().test().equals(FisherZTest.NAME));
        assertThat(report.tests()).allMatch(t -> t.result().n() == 3000);
        assertThat(report.rejectedCount()).isZero();
        assertThat(report.skipped()).isEmpty();
    }

    @Test
    void anEdgeMissingFromTheGraphIsFound() throws IOException {
        Dag dag = graph();
        DataCheck.Report report = DataCheck.run(dag,
                MappedTable.of(dag, simulate(0.4, 3000, 12), ColumnMapping.automatic()), DataCheck.Options.defaults());
        assertThat(report.tests()).filteredOn(DataCheck.Tested::rejected)
                .extracting(t -> t.implication().toString())
                // x _||_ y | m, z fails too: the extra edge opens x <- w -> y.
                .containsExactlyInAnyOrder("w _||_ y | m, z", "w _||_ y | x, z", "x _||_ y | m, z");
        DataCheck.Tested rejected = report.tests().stream().filter(DataCheck.Tested::rejected).findFirst().orElseThrow();
        assertThat(rejected.pHolm()).isLessThan(0.05).isGreaterThanOrEqualTo(rejected.result().p());
        assertThat(rejected.pBH()).isBetween(rejected.result().p(), rejected.pHolm());
    }

    @Test
    void nodesWithoutDataAreLatentAndWhatNeedsThemIsSkipped() throws IOException {
        Dag dag = graph();
        DataCheck.Report report = DataCheck.run(dag,
                MappedTable.of(dag, simulate(0, 3000, 13, "m"), ColumnMapping.automatic()), DataCheck.Options.defaults());
        assertThat(report.tests()).extracting(t -> t.implication().toString())
                .containsExactly("w _||_ y | x, z", "w _||_ z");
        assertThat(report.skipped()).extracting(s -> s.implication() + ": " + s.reason()).containsExactly(
                "m _||_ w | x: 'm' has no data", "m _||_ z | x: 'm' has no data", "w _||_ y | m, z: 'm' has no data",
                "x _||_ y | m, z: 'm' has no data");
        assertThat(report.rejectedCount()).isZero();
    }

    @Test
    void typeConflictsAreSkippedWithTheirMessageAndMixedTypesGetTheRegressionTest() throws IOException {
        Dag dag = graph();
        dag.updateVariable(dag.require("w").withType(DataType.BINARY));
        dag.addVariable(Variable.of("segment", Role.ORDINARY, DataType.CONTINUOUS));
        Table table = simulate(0, 500, 14);
        ColumnMapping mapping = ColumnMapping.automatic();
        DataCheck.Report report = DataCheck.run(dag, MappedTable.of(dag, table, mapping), DataCheck.Options.defaults());
        assertThat(report.skipped()).extracting(DataCheck.Skipped::reason).isNotEmpty().allMatch(r -> r.equals(
                "column 'w' holds decimal numbers, but a binary node needs two values (node 'w' is binary); "
                        + "set the node's type to continuous, or map another column")
                || r.startsWith("column 'segment' holds text labels (2 distinct), but a continuous node needs numbers"));

        dag.updateVariable(dag.require("segment").withType(DataType.BINARY));
        dag.updateVariable(dag.require("w").withType(DataType.CONTINUOUS));
        DataCheck.Report mixed = DataCheck.run(dag, MappedTable.of(dag, table, mapping), DataCheck.Options.defaults());
        DataCheck.Tested segment = mixed.tests().stream()
                .filter(t -> t.implication().equals(Independence.of("segment", "w", List.of()))).findFirst().orElseThrow();
        assertThat(segment.result().test()).isEqualTo(MixedRegressionTest.NAME);
        assertThat(mixed.rejectedCount()).isZero();
    }
}
