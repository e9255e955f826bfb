package org.recausal.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.task.CancellationToken;

class FrontDoorTest {

    /** Pearl's smoking example: tar carries the whole effect of smoking on cancer; genotype is unmeasured. */
    static final String SMOKING = "Smoking [exposure]; Cancer [outcome]; Genotype [latent];"
            + " Smoking -> Tar -> Cancer; Genotype -> Smoking; Genotype -> Cancer";

    static Set<Set<String>> minimal(FrontDoor frontDoor) {
        Set<Set<String>> result = new HashSet<>();
        frontDoor.minimalSets(1000, Duration.ofSeconds(10), CancellationToken.none()).sets()
                .forEach(s -> result.add(new TreeSet<>(s)));
        return result;
    }

    @Test
    void smokingTarCancer() {
        Dag dag = Graphs.parse(SMOKING);
        FrontDoor frontDoor = FrontDoor.of(dag, "Smoking", "Cancer");
        assertThat(minimal(frontDoor)).isEqualTo(Graphs.sets("Tar"));
        assertThat(frontDoor.largestSet()).contains(Set.of("Tar"));
        assertThat(frontDoor.problem(List.of())).contains("A directed path from Smoking to Cancer avoids the set.");
        assertThat(frontDoor.problem(List.of("Genotype"))).contains("Genotype is latent (unmeasured).");
        // adjustment fails in the same graph
        assertThat(AdjustmentAnalysis.of(dag, AdjustmentAnalysis.Effect.TOTAL).minimalSets(5))
                .isInstanceOf(AdjustmentResult.NoAdjustmentSet.class);
    }

    @Test
    void confoundedMediatorBreaksTheFrontDoor() {
        // U2 confounds Tar and Cancer: condition (iii) fails
        Dag dag = Graphs.parse(SMOKING + "; U2 [latent]; U2 -> Tar; U2 -> Cancer");
        FrontDoor frontDoor = FrontDoor.of(dag, "Smoking", "Cancer");
        assertThat(frontDoor.largestSet()).isEmpty();
        assertThat(frontDoor.problem(List.of("Tar"))).contains("A back-door path from Tar to Cancer stays open given Smoking.");
    }

    @Test
    void aSecondMemberCanBlockTheFirstOnesBackDoor() {
        // Tar <- U -> W -> Cancer: {Tar} fails (iii) through W, {Tar, W} works since W's own back door ends at Tar
        Dag dag = Graphs.parse(SMOKING + "; U [latent]; U -> Tar; U -> W; W -> Cancer");
        FrontDoor frontDoor = FrontDoor.of(dag, "Smoking", "Cancer");
        assertThat(minimal(frontDoor)).isEqualTo(Graphs.sets("Tar,W"));
        assertThat(BruteForce.frontDoor(dag, "Smoking", "Cancer", Set.of("Tar"))).isFalse();
        assertThat(BruteForce.frontDoor(dag, "Smoking", "Cancer", Set.of("Tar", "W"))).isTrue();
    }

    @Test
    void twoParallelMediatorsAndAnAlternative() {
        // X -> A -> Y and X -> B -> C -> Y: minimal sets {A, B} and {A, C}
        Dag dag = Graphs.parse("X [exposure]; Y [outcome]; U [latent]; U -> X; U -> Y; X -> A -> Y; X -> B -> C -> Y");
        assertThat(minimal(FrontDoor.of(dag, "X", "Y"))).isEqualTo(Graphs.sets("A,B", "A,C"));
    }

    @Test
    void agreesWithPearlsDefinitionByPathsOnRandomGraphs() {
        Random random = new Random(21);
        int withSets = 0;
        for (int trial = 0; trial < 400; trial++) {
            Dag dag = BruteForce.randomDag(3000 + trial, 5 + random.nextInt(4), 0.25 + random.nextDouble() * 0.3, 0.25);
            List<String> observed = dag.variables().stream().filter(v -> !v.isLatent()).map(v -> v.name()).toList();
            if (observed.size() < 3) {
                continue;
            }
            String x = observed.getFirst();
            String y = observed.getLast();
            FrontDoor frontDoor = FrontDoor.of(dag, x, y);
            List<String> pool = observed.stream().filter(v -> !v.equals(x) && !v.equals(y)).toList();
            List<Set<String>> valid = new ArrayList<>();
            for (Set<String> z : BruteForce.subsets(pool)) {
                boolean expected = BruteForce.frontDoor(dag, x, y, z);
                assertThat(frontDoor.isFrontDoorSet(z)).as("%s for %s -> %s in %s", z, x, y, dag.edges()).isEqualTo(expected);
                if (expected) {
                    valid.add(new TreeSet<>(z));
                }
            }
            Set<Set<String>> expectedMinimal = BruteForce.minimal(valid);
            assertThat(minimal(frontDoor)).as("minimal sets for %s -> %s in %s", x, y, dag.edges()).isEqualTo(expectedMinimal);
            assertThat(frontDoor.minimalSet().isPresent()).isEqualTo(!expectedMinimal.isEmpty());
            frontDoor.minimalSet().ifPresent(s -> assertThat(expectedMinimal).contains(new TreeSet<>(s)));
            frontDoor.largestSet().ifPresent(s -> assertThat(valid.stream().allMatch(s::containsAll)).isTrue());
            assertThat(frontDoor.largestSet().isPresent()).isEqualTo(!valid.isEmpty());
            if (!valid.isEmpty()) {
                withSets++;
            }
        }
        assertThat(withSets).isGreaterThan(20);
    }
}
