package org.recausal.engine.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.recausal.engine.analysis.AdjustmentAnalysis.Effect;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;

/** Expected answers marked "DAGitty" are those asserted in DAGitty's own test suite (GraphAnalyzer tests). */
class AdjustmentAnalysisTest {

    static final String M_BIAS = "A [exposure]; B [outcome]; A -> B; U1 -> A; U1 -> M; U2 -> M; U2 -> B";

    static final String SHRIER_PLATT = """
            WarmUp [exposure]; Injury [outcome]
            WarmUp -> IntraGameProprioception -> Injury
            Coach -> TeamMotivation; Coach -> FitnessLevel
            Genetics -> FitnessLevel; Genetics -> NeuromuscularFatigue; Genetics -> ConnectiveTissueDisorder
            TeamMotivation -> WarmUp; TeamMotivation -> PreviousInjury
            FitnessLevel -> PreGameProprioception; FitnessLevel -> NeuromuscularFatigue
            ConnectiveTissueDisorder -> NeuromuscularFatigue; ConnectiveTissueDisorder -> TissueWeakness
            PreGameProprioception -> WarmUp
            NeuromuscularFatigue -> IntraGameProprioception; NeuromuscularFatigue -> Injury
            ContactSport -> PreviousInjury; ContactSport -> IntraGameProprioception
            TissueWeakness -> Injury""";

    private static Set<Set<String>> all(AdjustmentAnalysis analysis) {
        Set<Set<String>> result = new HashSet<>();
        analysis.minimalSetIterator().forEachRemaining(s -> result.add(new TreeSet<>(s)));
        return result;
    }

    @Test
    void mBiasNeedsNoAdjustmentAndAdjustingTheColliderAloneBiases() {
        Dag dag = Graphs.parse(M_BIAS);
        AdjustmentAnalysis analysis = AdjustmentAnalysis.of(dag, Effect.TOTAL);
        assertThat(analysis.minimalSets(10)).isEqualTo(new AdjustmentResult.EmptySetSuffices(Set.of()));
        AdjustmentCheck check = analysis.check(List.of("M"));
        assertThat(check).isInstanceOf(AdjustmentCheck.OpenBiasingPath.class);
        assertThat(((AdjustmentCheck.OpenBiasingPath) check).path()).hasToString("A <- U1 -> M <- U2 -> B");
        assertThat(analysis.check(List.of("M", "U1")).valid()).isTrue();
    }

    @Test
    void mBiasWithTheColliderAdjustedNeedsOneMore() {
        // DAGitty: m_bias_graph with M adjusted gives {M, U1} and {M, U2}
        Dag dag = Graphs.parse(M_BIAS + "; M [adjusted]");
        AdjustmentResult result = AdjustmentAnalysis.of(dag, Effect.TOTAL).minimalSets(10);
        assertThat(result).isInstanceOf(AdjustmentResult.AdjustmentSets.class);
        assertThat(((AdjustmentResult.AdjustmentSets) result).sets().stream().<Set<String>>map(TreeSet::new).toList())
                .containsExactlyInAnyOrderElementsOf(Graphs.sets("M,U1", "M,U2"));
    }

    @Test
    void confounderTriangle() {
        AdjustmentAnalysis analysis = AdjustmentAnalysis.of(Graphs.parse("A [exposure]; B [outcome]; A -> B; C -> A; C -> B"),
                Effect.TOTAL);
        assertThat(all(analysis)).isEqualTo(Graphs.sets("C"));
        assertThat(analysis.canonicalSet()).contains(Set.of("C"));
        assertThat(analysis.check(List.of()).explanation()).contains("A <- C -> B");
    }

    @Test
    void dagittyTwoConfoundingRoutes() {
        // DAGitty: xobs E, y O, t -> xobs, u1 -> {t, y}, u2 -> {t, xobs}, xobs -> y gives {t, u2} and {u1}
        Dag dag = Graphs.parse("xobs [exposure]; y [outcome]; t -> xobs; u1 -> t; u1 -> y; u2 -> t; u2 -> xobs; xobs -> y");
        assertThat(all(AdjustmentAnalysis.of(dag, Effect.TOTAL))).isEqualTo(Graphs.sets("t,u2", "u1"));
    }

    @Test
    void dagittyFourSets() {
        Dag dag = Graphs.parse("S [exposure]; T [outcome]; S -> T; h -> S; i -> h; i -> T; x -> S; x -> z; z -> T");
        assertThat(all(AdjustmentAnalysis.of(dag, Effect.TOTAL))).isEqualTo(Graphs.sets("h,x", "h,z", "i,x", "i,z"));
    }

    @Test
    void dagittyBig1WithAnAdjustedVariable() {
        Dag dag = Graphs.parse("""
                S [exposure]; T [outcome]; y [adjusted]
                S -> T; a -> h; a -> c; a -> T; b -> e; b -> f; d -> j; d -> i; e -> a; e -> f; f -> n
                g -> d; g -> m; g -> j; h -> T; h -> S; i -> h; i -> T; i4 -> p; m -> j; m -> i; n -> c; n -> S
                o -> y; o -> q; p -> q; p -> o; q -> y; x -> S; x -> o; x -> p; z -> T; z -> q; z -> p""");
        assertThat(all(AdjustmentAnalysis.of(dag, Effect.TOTAL))).isEqualTo(Graphs.sets(
                "a,h,x,y", "a,h,y,z", "e,h,x,y", "e,h,y,z", "f,h,x,y", "f,h,y,z", "h,n,x,y", "h,n,y,z"));
    }

    @Test
    void dagittySeveralExposuresAndOutcomes() {
        Dag dag = Graphs.parse("X1 [exposure]; X2 [exposure]; Y1 [outcome]; Y2 [outcome]; C -> Y1; C -> m; X1 -> X2;"
                + " X1 -> Y2 -> Y1; X2 -> Y1; X1 -> m2 -> m -> X2");
        assertThat(all(AdjustmentAnalysis.of(dag, Effect.TOTAL))).isEqualTo(Graphs.sets("C", "m,m2"));
    }

    @Test
    void dagittyLatentMediatorLeavesTheConfounder() {
        Dag dag = Graphs.parse("X [exposure]; Y [outcome]; I [latent]; X -> Y; X -> I; I -> Y; Z -> X; Z -> I");
        assertThat(all(AdjustmentAnalysis.of(dag, Effect.TOTAL))).isEqualTo(Graphs.sets("Z"));
    }

    @Test
    void dagittyShrierAndPlattWithMustAndMustNot() {
        AdjustmentAnalysis analysis = AdjustmentAnalysis.of(Graphs.parse(SHRIER_PLATT), Effect.TOTAL)
                .mustInclude(List.of("FitnessLevel"))
                .mustExclude(List.of("Genetics", "ConnectiveTissueDisorder", "IntraGameProprioception"));
        assertThat(all(analysis)).isEqualTo(Graphs.sets("Coach,FitnessLevel",
                "FitnessLevel,NeuromuscularFatigue,TissueWeakness", "FitnessLevel,TeamMotivation"));
    }

    @Test
    void shrierAndPlattSetsAgreeWithBruteForce() {
        Dag dag = Graphs.parse(SHRIER_PLATT);
        AdjustmentAnalysis analysis = AdjustmentAnalysis.of(dag, Effect.TOTAL);
        assertThat(all(analysis)).isEqualTo(bruteForceMinimal(dag, List.of("WarmUp"), List.of("Injury"), Set.of()));
        assertThat(all(analysis)).contains(Graphs.set("Coach", "FitnessLevel"), Graphs.set("FitnessLevel", "Genetics"),
                Graphs.set("Coach", "PreGameProprioception"));
        AdjustmentCheck mediator = analysis.check(List.of("IntraGameProprioception"));
        assertThat(mediator).isInstanceOf(AdjustmentCheck.ForbiddenVariable.class);
        assertThat(mediator.explanation()).contains("mediator");
    }

    @Test
    void frontDoorGraphHasNoAdjustmentSetAndSaysWhichPathStaysOpen() {
        Dag dag = Graphs.parse("X [exposure]; Y [outcome]; U [latent]; X -> M -> Y; U -> X; U -> Y");
        AdjustmentResult result = AdjustmentAnalysis.of(dag, Effect.TOTAL).minimalSets(10);
        assertThat(result).isInstanceOf(AdjustmentResult.NoAdjustmentSet.class);
        AdjustmentResult.NoAdjustmentSet none = (AdjustmentResult.NoAdjustmentSet) result;
        assertThat(none.openPath()).hasToString("X <- U -> Y");
        assertThat(none.kind()).isEqualTo(AdjustmentResult.Kind.NO_ADJUSTMENT_SET);
        assertThat(AdjustmentAnalysis.of(dag, Effect.TOTAL).check(List.of("U")))
                .isInstanceOf(AdjustmentCheck.LatentVariable.class);
    }

    @Test
    void adjustedMediatorMakesAdjustmentImpossibleAndIsNamed() {
        Dag dag = Graphs.parse("X [exposure]; Y [outcome]; M [adjusted]; X -> M -> Y; C -> X; C -> Y; M -> D");
        AdjustmentResult result = AdjustmentAnalysis.of(dag, Effect.TOTAL).minimalSets(10);
        assertThat(result).isInstanceOf(AdjustmentResult.NoAdjustmentSet.class);
        assertThat(((AdjustmentResult.NoAdjustmentSet) result).reason()).startsWith("M is adjusted for");
        AdjustmentCheck descendant = AdjustmentAnalysis.totalEffect(dag, List.of("X"), List.of("Y")).check(List.of("D", "C"));
        assertThat(descendant).isEqualTo(new AdjustmentCheck.ForbiddenVariable("D",
                "it is a descendant of M, which lies on a causal path from the exposure to the outcome"));
    }

    @Test
    void directEffectBlocksTheMediatedPath() {
        // x -> m -> y, x -> y, c confounds m and y: the direct effect needs m, which opens x -> m <- c -> y unless c too
        Dag dag = Graphs.parse("x [exposure]; y [outcome]; x -> y; x -> m -> y; c -> m; c -> y");
        AdjustmentAnalysis direct = AdjustmentAnalysis.of(dag, Effect.DIRECT);
        assertThat(all(direct)).isEqualTo(Graphs.sets("c,m"));
        assertThat(direct.check(List.of("m"))).isInstanceOf(AdjustmentCheck.OpenBiasingPath.class);
        assertThat(all(AdjustmentAnalysis.of(dag, Effect.TOTAL))).isEqualTo(Graphs.sets(""));
    }

    @Test
    void validityAgreesWithPathDefinitionOnRandomGraphs() {
        Random random = new Random(11);
        int valid = 0;
        int checked = 0;
        for (int trial = 0; trial < 200; trial++) {
            Dag dag = BruteForce.randomDag(5000 + trial, 4 + random.nextInt(5), 0.25 + random.nextDouble() * 0.35, 0.15);
            List<String> observed = dag.variables().stream().filter(v -> !v.isLatent()).map(v -> v.name()).toList();
            if (observed.size() < 3) {
                continue;
            }
            List<String> shuffled = new ArrayList<>(observed);
            java.util.Collections.shuffle(shuffled, random);
            List<String> x = List.of(shuffled.get(0));
            List<String> y = random.nextInt(4) == 0 && shuffled.size() > 3
                    ? List.of(shuffled.get(1), shuffled.get(2)) : List.of(shuffled.get(1));
            AdjustmentAnalysis analysis = AdjustmentAnalysis.totalEffect(dag, x, y);
            List<String> pool = dag.names().stream().filter(v -> !x.contains(v) && !y.contains(v)).toList();
            for (Set<String> z : BruteForce.subsets(pool)) {
                boolean expected = BruteForce.validAdjustment(dag, x, y, z);
                assertThat(analysis.check(z).valid()).as("%s for %s -> %s in %s", z, x, y, dag.edges()).isEqualTo(expected);
                valid += expected ? 1 : 0;
                checked++;
            }
        }
        assertThat(valid).isGreaterThan(100);
        assertThat(checked - valid).isGreaterThan(100);
    }

    @Test
    void minimalSetsAgreeWithBruteForceOnRandomGraphs() {
        Random random = new Random(12);
        int several = 0;
        int none = 0;
        int needAdjustment = 0;
        for (int trial = 0; trial < 250; trial++) {
            Dag dag = BruteForce.randomDag(9000 + trial, 5 + random.nextInt(5), 0.2 + random.nextDouble() * 0.4, 0.15);
            List<String> observed = dag.variables().stream().filter(v -> !v.isLatent()).map(v -> v.name()).toList();
            if (observed.size() < 3) {
                continue;
            }
            List<String> shuffled = new ArrayList<>(observed);
            java.util.Collections.shuffle(shuffled, random);
            // exposures before the outcome in index order, so that back-door paths are common
            if (dag.indexOf(shuffled.get(0)) > dag.indexOf(shuffled.get(1))) {
                java.util.Collections.swap(shuffled, 0, 1);
            }
            List<String> x = random.nextInt(4) == 0 ? List.of(shuffled.get(0), shuffled.get(2)) : List.of(shuffled.get(0));
            List<String> y = List.of(shuffled.get(1));
            Set<String> must = shuffled.size() > 3 && random.nextInt(3) == 0 ? Set.of(shuffled.get(3)) : Set.of();
            AdjustmentAnalysis analysis = AdjustmentAnalysis.totalEffect(dag, x, y).mustInclude(must);
            Set<Set<String>> expected = bruteForceMinimal(dag, x, y, must);
            assertThat(all(analysis)).as("%s -> %s, must %s, in %s", x, y, must, dag.edges()).isEqualTo(expected);
            assertThat(analysis.canonicalSet().isPresent()).isEqualTo(!expected.isEmpty());
            if (expected.size() > 1) {
                several++;
            }
            if (expected.isEmpty()) {
                none++;
            } else if (!expected.equals(Set.of(new TreeSet<>(must)))) {
                needAdjustment++;
            }
        }
        // the seeds give a mix of all three kinds of answer
        assertThat(several).isGreaterThanOrEqualTo(5);
        assertThat(none).isGreaterThanOrEqualTo(20);
        assertThat(needAdjustment).isGreaterThanOrEqualTo(40);
    }

    @Test
    void directEffectSetsAgreeWithBruteForceOnRandomGraphs() {
        Random random = new Random(13);
        for (int trial = 0; trial < 150; trial++) {
            Dag dag = BruteForce.randomDag(12000 + trial, 5 + random.nextInt(4), 0.3 + random.nextDouble() * 0.3, 0.1);
            List<String> observed = dag.variables().stream().filter(v -> !v.isLatent()).map(v -> v.name()).toList();
            if (observed.size() < 3) {
                continue;
            }
            String x = observed.get(0);
            String y = observed.get(observed.size() - 1);
            AdjustmentAnalysis direct = AdjustmentAnalysis.directEffect(dag, List.of(x), List.of(y));
            Dag indirect = dag.copy();
            if (indirect.hasEdge(x, y)) {
                indirect.removeEdge(x, y);
            }
            Set<String> forbidden = new DSeparation(dag).descendants(List.of(y));
            List<Set<String>> valid = new ArrayList<>();
            for (Set<String> z : BruteForce.subsets(observed.stream().filter(v -> !v.equals(x) && !v.equals(y)).toList())) {
                if (z.stream().noneMatch(forbidden::contains) && BruteForce.separated(indirect, List.of(x), List.of(y), z)) {
                    valid.add(new TreeSet<>(z));
                }
            }
            assertThat(all(direct)).as("direct %s -> %s in %s", x, y, dag.edges()).isEqualTo(BruteForce.minimal(valid));
        }
    }

    @Test
    void exponentiallyManySetsAreListedLazily() {
        // 15 disjoint back-door paths x <- a_i <- b_i <- c_i -> y: 3^15 (over 14 million) minimal sets
        StringBuilder text = new StringBuilder("x [exposure]; y [outcome]; x -> y");
        for (int i = 0; i < 15; i++) {
            text.append("; c%d -> b%d -> a%d -> x; c%d -> y".formatted(i, i, i, i));
        }
        Dag dag = Graphs.parse(text.toString());
        AdjustmentAnalysis analysis = AdjustmentAnalysis.of(dag, Effect.TOTAL);
        long start = System.nanoTime();
        AdjustmentResult result = analysis.minimalSets(10_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        AdjustmentResult.AdjustmentSets sets = (AdjustmentResult.AdjustmentSets) result;
        assertThat(sets.sets()).hasSize(10_000).doesNotHaveDuplicates().allMatch(z -> z.size() == 15);
        assertThat(sets.truncated()).isTrue();
        assertThat(millis).as("10000 sets took %d ms", millis).isLessThan(5_000);
    }

    @Test
    void allMinimalSetsOfDenseSixtyNodeGraphsComeBackQuickly() {
        for (long seed = 1; seed <= 5; seed++) {
            Dag dag = BruteForce.randomDag(seed, 60, 0.12, 0.1);
            List<String> observed = dag.variables().stream().filter(v -> !v.isLatent()).map(v -> v.name()).toList();
            String x = observed.get(observed.size() / 2);
            String y = observed.getLast();
            AdjustmentAnalysis analysis = AdjustmentAnalysis.totalEffect(dag, List.of(x), List.of(y));
            long start = System.nanoTime();
            Iterator<Set<String>> sets = analysis.minimalSetIterator();
            int count = 0;
            while (sets.hasNext()) {
                Set<String> z = sets.next();
                if (count++ < 20) {
                    assertThat(analysis.check(z).valid()).isTrue();
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).as("%d sets in %d ms", count, millis).isLessThan(5_000);
        }
    }

    static Set<Set<String>> bruteForceMinimal(Dag dag, List<String> x, List<String> y, Set<String> must) {
        List<String> pool = dag.variables().stream()
                .filter(v -> !v.isLatent() && !x.contains(v.name()) && !y.contains(v.name()) && v.role() != Role.LATENT)
                .map(v -> v.name()).filter(v -> !must.contains(v)).toList();
        List<Set<String>> valid = new ArrayList<>();
        for (Set<String> extra : BruteForce.subsets(pool)) {
            Set<String> z = new TreeSet<>(extra);
            z.addAll(must);
            if (BruteForce.validAdjustment(dag, x, y, z)) {
                valid.add(z);
            }
        }
        return BruteForce.minimal(valid);
    }
}
