package org.recausal.engine.independence;

import java.util.List;

import org.recausal.engine.task.CancellationToken;

/** A test of "x is independent of y given the variables in {@code given}" on data. */
public interface IndependenceTest {

    /** The test's name as shown to the analyst. */
    String name();

    /**
     * Tests on the rows where every variable involved has a value.
     *
     * @throws NotTestableException when the data cannot test it (too few rows, a variable with one value...)
     * @throws org.recausal.engine.task.CancelledException when cancelled between passes over the rows
     */
    TestResult test(TestVariable x, TestVariable y, List<TestVariable> given, CancellationToken cancel);

    default TestResult test(TestVariable x, TestVariable y, List<TestVariable> given) {
        return test(x, y, given, CancellationToken.none());
    }

    /**
     * The test suited to the variables' kinds: Fisher's z when all are continuous, the stratified G-test when all
     * are discrete, symmetric regression likelihood-ratio tests when they are mixed.
     */
    static IndependenceTest forVariables(TestVariable x, TestVariable y, List<TestVariable> given) {
        List<TestVariable> all = new java.util.ArrayList<>(given);
        all.add(x);
        all.add(y);
        if (all.stream().allMatch(v -> v instanceof ContinuousVariable)) {
            return new FisherZTest();
        }
        if (all.stream().allMatch(v -> v instanceof DiscreteVariable)) {
            return ContingencyTest.gTest();
        }
        return new MixedRegressionTest();
    }

    /** The variables' names, for results and messages. */
    static List<String> names(List<TestVariable> variables) {
        return variables.stream().map(TestVariable::name).toList();
    }

    /** The variables of a test, conditioning set first, then x and y, as the models lay them out. */
    static List<TestVariable> involved(TestVariable x, TestVariable y, List<TestVariable> given) {
        List<TestVariable> all = new java.util.ArrayList<>(given);
        all.add(x);
        all.add(y);
        return all;
    }
}
