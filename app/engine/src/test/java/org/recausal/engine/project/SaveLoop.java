package org.recausal.engine.project;

import java.nio.file.Path;

import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Variable;

/** Saves a sizeable project over and over until killed; run in a child JVM by {@link AtomicSaveTest}. */
public final class SaveLoop {
    static final int VARIABLES = 2000;

    private SaveLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Dag dag = new Dag();
        for (int i = 0; i < VARIABLES; i++) {
            dag.addVariable(Variable.of("v" + i).withDescription("variable number " + i).at(i, -i));
            if (i > 0) {
                dag.addEdge("v" + (i - 1), "v" + i, "chain link " + i);
            }
        }
        for (long round = 0; ; round++) {
            ProjectFiles.save(new Project("loop " + round, dag), file);
            if (round == 0) {
                System.out.println("saved");
                System.out.flush();
            }
        }
    }
}
