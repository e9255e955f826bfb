package org.recausal.engine.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TableReader;
import org.recausal.engine.model.Scale;
import org.recausal.engine.simulate.RecommenderWorld;

class TableBindingTest {
    @TempDir
    Path folder;

    private Table table(String csv) throws Exception {
        Path file = folder.resolve("data.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return TableReader.read(file).table();
    }

    private static Dag dag(Object... nameAndType) {
        Dag dag = new Dag();
        for (int i = 0; i < nameAndType.length; i += 2) {
            DataType type = (DataType) nameAndType[i + 1];
            dag.addVariable(Variable.of((String) nameAndType[i], Role.ORDINARY, type));
        }
        return dag;
    }

    @Test
    void scalesFollowTheColumnAndTheVariable() throws Exception {
        Table table = table("""
                shown,device,price,stars,flag,Score
                true,mobile,9.5,3,0,1.5
                false,app,12,5,1,2.5
                true,desktop,7.25,3,1,0.5
                false,mobile,NA,4,0,1
                """);
        Dag dag = dag("shown", DataType.BINARY, "device", DataType.CATEGORICAL, "price", DataType.CONTINUOUS,
                "stars", DataType.CATEGORICAL, "flag", DataType.BINARY, "score", DataType.CONTINUOUS);
        dag.addVariable(Variable.of("taste", Role.LATENT, DataType.CONTINUOUS));
        TableBinding.Bound bound = TableBinding.bind(dag, table);
        Observations data = bound.observations();
        assertThat(data.names()).containsExactly("shown", "device", "price", "stars", "flag", "score");
        assertThat(bound.droppedRows()).isEqualTo(1);
        assertThat(bound.tableRow()).containsExactly(0, 1, 2);
        assertThat(bound.rowOf(3)).isEqualTo(-1);
        assertThat(bound.rowOf(2)).isEqualTo(2);
        assertThat(data.scale("shown")).isEqualTo(Scale.binary("false", "true"));
        assertThat(data.scale("device")).isEqualTo(Scale.categorical(List.of("app", "desktop", "mobile")));
        assertThat(data.column("device")).containsExactly(2, 0, 1);
        assertThat(data.scale("price")).isEqualTo(Scale.numeric());
        assertThat(data.scale("stars")).isEqualTo(Scale.binary("3", "5"));
        assertThat(data.scale("flag")).isEqualTo(Scale.binary("false", "true"));
        assertThat(data.column("score")).containsExactly(1.5, 2.5, 0.5);
    }

    @Test
    void saysWhatDoesNotFit() throws Exception {
        Table table = table("a,b,c\n1,2,x\n0,3,y\n2,4,z\n");
        assertThatThrownBy(() -> TableBinding.bind(dag("a", DataType.BINARY), table))
                .isInstanceOf(ScmException.class).hasMessageContaining("a is binary in the graph")
                .hasMessageContaining("holds 2 in data row 3");
        assertThatThrownBy(() -> TableBinding.bind(dag("c", DataType.BINARY), table))
                .hasMessageContaining("3 different values");
        assertThatThrownBy(() -> TableBinding.bind(dag("a", DataType.CONTINUOUS, "q", DataType.CONTINUOUS,
                "r", DataType.BINARY), table)).hasMessageContaining("no column for q, r")
                .hasMessageContaining("its columns are a, b, c");
        StringBuilder ids = new StringBuilder("id\n");
        for (int i = 0; i < 150; i++) {
            ids.append("u").append(i).append('\n');
        }
        Table many = table(ids.toString());
        assertThatThrownBy(() -> TableBinding.bind(dag("id", DataType.CATEGORICAL), many))
                .hasMessageContaining("more than 100 different values");
    }

    @Test
    void simulatedDataSurviveTheCsvRoundTrip() throws Exception {
        Observations written = RecommenderWorld.observedData(2_000, 9);
        Path file = folder.resolve("shop.csv");
        written.writeCsv(file);
        Dag dag = RecommenderWorld.dag();
        Observations read = TableBinding.bind(dag, TableReader.read(file).table()).observations();
        assertThat(read.rows()).isEqualTo(2_000);
        for (String name : written.names()) {
            // Levels are ordered alike on both sides, so codes and numbers must come back exactly.
            assertThat(read.column(name)).as(name).containsExactly(written.column(name));
            assertThat(read.scale(name).levelCount()).isEqualTo(written.scale(name).levelCount());
        }
    }
}
