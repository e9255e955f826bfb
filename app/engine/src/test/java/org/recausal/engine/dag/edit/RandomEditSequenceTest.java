package org.recausal.engine.dag.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagCanon;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * Random sequences of edits, some of them refused, through an {@link EditHistory}: a refusal must leave
 * the graph untouched, undoing everything must give back the starting graph state by state, and redoing
 * everything must give back each later state.
 */
class RandomEditSequenceTest {
    private static final int STEPS = 400;
    private static final List<String> NAME_POOL = List.of("Age", "Income", "Click", "Exposure", "Outcome",
            "Rank", "Price", "Season", "user.id", "_latent", "Genre", "Time");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void undoAllRestoresTheStartAndRedoAllTheEnd(long seed) {
        Random random = new Random(seed);
        Dag dag = new Dag();
        for (int i = 0; i < 4; i++) {
            dag.addVariable(Variable.of(NAME_POOL.get(i)).at(i * 10, 0));
        }
        dag.addEdge("Age", "Income", "older earn more");
        EditHistory history = new EditHistory(dag);

        List<DagCanon> states = new ArrayList<>(List.of(DagCanon.of(dag)));
        int refused = 0;
        for (int step = 0; step < STEPS; step++) {
            DagEdit edit = randomEdit(dag, random);
            DagCanon before = DagCanon.of(dag);
            try {
                history.execute(edit);
                states.add(DagCanon.of(dag));
            } catch (DagException refusal) {
                refused++;
                assertThat(DagCanon.of(dag)).as("after refused %s", edit.description()).isEqualTo(before);
            }
            // Now and then step back and forth; a successful round trip must not change anything.
            if (random.nextInt(10) == 0 && history.canUndo()) {
                history.undo();
                assertThat(DagCanon.of(dag)).isEqualTo(states.get(states.size() - 2));
                history.redo();
                assertThat(DagCanon.of(dag)).isEqualTo(states.getLast());
            }
        }
        assertThat(refused).as("refused edits").isBetween(STEPS / 20, STEPS / 2);
        assertThat(states.size()).as("successful edits").isGreaterThan(STEPS / 2);

        for (int i = states.size() - 2; i >= 0; i--) {
            history.undo();
            assertThat(DagCanon.of(dag)).as("after undoing back to state %d", i).isEqualTo(states.get(i));
        }
        assertThat(history.canUndo()).isFalse();
        assertThat(history.isDirty()).isFalse();
        for (int i = 1; i < states.size(); i++) {
            history.redo();
            assertThat(DagCanon.of(dag)).as("after redoing state %d", i).isEqualTo(states.get(i));
        }
        assertThat(history.canRedo()).isFalse();
    }

    private static DagEdit randomEdit(Dag dag, Random random) {
        return switch (random.nextInt(11)) {
            case 0, 10 -> new AddVariable(Variable.of(randomName(random), pick(Role.values(), random),
                    pick(DataType.values(), random)).at(random.nextInt(500), random.nextInt(500)));
            case 1 -> new RemoveVariable(existing(dag, random));
            case 2, 3 -> new AddEdge(existing(dag, random), existing(dag, random), "note " + random.nextInt(5));
            case 4 -> dag.edgeCount() == 0 ? new RemoveEdge("Age", "Income")
                    : removeOrReverse(dag, random);
            case 5 -> new RenameVariable(existing(dag, random), random.nextBoolean()
                    ? randomName(random) : existing(dag, random).toUpperCase(java.util.Locale.ROOT));
            case 6 -> update(existing(dag, random), pick(Role.values(), random), pick(DataType.values(), random),
                    "d" + random.nextInt(3));
            case 7 -> new MoveVariables(Map.of(existing(dag, random), new CanvasPosition(random.nextInt(900),
                    random.nextInt(900))), "Move");
            default -> new CompoundEdit(List.of(randomEdit(dag, random), randomEdit(dag, random),
                    randomEdit(dag, random)), "Several");
        };
    }

    /** The change is fixed when the edit is made: redo applies the same function again. */
    private static DagEdit update(String name, Role role, DataType type, String description) {
        return new UpdateVariable(name, v -> v.withRole(role).withType(type).withDescription(description), "Edit");
    }

    private static DagEdit removeOrReverse(Dag dag, Random random) {
        var edge = dag.edges().get(random.nextInt(dag.edgeCount()));
        return random.nextBoolean() ? new RemoveEdge(edge.from(), edge.to()) : new ReverseEdge(edge.from(), edge.to());
    }

    /** Usually a free name from the pool; sometimes a taken one or an invalid one, to be refused. */
    private static String randomName(Random random) {
        int roll = random.nextInt(20);
        if (roll == 0) {
            return "bad name";
        }
        return NAME_POOL.get(random.nextInt(NAME_POOL.size())) + (roll < 4 ? "" : String.valueOf(random.nextInt(100)));
    }

    /** A current variable name, or a missing one now and then (refused). */
    private static String existing(Dag dag, Random random) {
        if (dag.size() == 0 || random.nextInt(30) == 0) {
            return "Missing";
        }
        return dag.names().get(random.nextInt(dag.size()));
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
