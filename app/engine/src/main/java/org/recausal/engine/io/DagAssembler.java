package org.recausal.engine.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.recausal.engine.bn.DiscreteBayesNet;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CycleException;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.DagException;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.VariableName;

/**
 * Builds the new graph of one import, turning every refusal of {@link Dag} into a
 * {@link GraphParseException} at the place in the text that caused it. Names from the file that are
 * not valid variable names are made valid (and reported), and a bidirected edge becomes a new latent
 * common cause, since a causal DAG has no other way to say "these two share an unmeasured cause".
 */
final class DagAssembler {
    /** How far above the midpoint of its two effects a latent cause made from {@code a <-> b} is drawn. */
    private static final double LATENT_OFFSET = 60;

    private final Dag dag = new Dag();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, String> namesInFile = new HashMap<>();
    private final Map<String, TextPosition> declaredAt = new HashMap<>();
    private final Set<String> positioned = new HashSet<>();
    private final Map<String, List<String>> latentCauses = new LinkedHashMap<>();

    void warn(String warning) {
        warnings.add(warning);
    }

    boolean isDeclared(String nameInFile) {
        return namesInFile.containsKey(nameInFile);
    }

    /** Declares a new variable; a second declaration of the same name is an error. */
    String declare(String nameInFile, TextPosition at) {
        TextPosition first = declaredAt.get(nameInFile);
        if (first != null) {
            throw at.error("the variable '" + nameInFile + "' is declared twice (first on line " + first.line() + ")");
        }
        return declareOrFind(nameInFile, at);
    }

    /** The variable's name in the graph, declaring it on first mention (DAGitty declares by use). */
    String declareOrFind(String nameInFile, TextPosition at) {
        String existing = namesInFile.get(nameInFile);
        if (existing != null) {
            return existing;
        }
        String name = validName(nameInFile);
        try {
            dag.addVariable(Variable.of(name));
        } catch (DagException e) {
            throw at.error(e.getMessage());
        }
        if (!name.equals(nameInFile)) {
            dag.updateVariable(dag.require(name).withDescription(nameInFile));
            warn("'" + nameInFile + "' (line " + at.line() + ") is not a valid variable name; imported as '" + name
                    + "' with the original name kept as its description.");
        }
        namesInFile.put(nameInFile, name);
        declaredAt.put(nameInFile, at);
        return name;
    }

    /** The variable's name in the graph; an error naming it when the file never declared it. */
    String find(String nameInFile, TextPosition at) {
        String name = namesInFile.get(nameInFile);
        if (name == null) {
            throw at.error("unknown variable '" + nameInFile + "': declare it before using it in an edge");
        }
        return name;
    }

    Variable variable(String name) {
        return dag.require(name);
    }

    void update(String name, UnaryOperator<Variable> change) {
        dag.updateVariable(change.apply(dag.require(name)));
    }

    /** Sets a position in canvas units (y grows downwards). */
    void place(String name, double x, double y, TextPosition at) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw at.error("the position of '" + name + "' is not a finite number");
        }
        update(name, v -> v.at(x, y));
        positioned.add(name);
    }

    boolean isPlaced(String name) {
        return positioned.contains(name);
    }

    /** Adds {@code from -> to}; a repeated edge is reported and skipped, a cycle is refused with the cycle named. */
    void addEdge(String from, String to, String note, TextPosition at) {
        if (dag.hasEdge(from, to)) {
            warn("The edge " + from + " -> " + to + " on line " + at.line() + " is listed more than once; kept once.");
            return;
        }
        try {
            dag.addEdge(from, to, note);
        } catch (CycleException e) {
            throw at.cycle("the edge " + from + " -> " + to + " closes the cycle " + String.join(" -> ", e.cycle())
                    + "; a causal graph must be acyclic", startingAtFirstDeclared(e.cycle()));
        } catch (DagException e) {
            throw at.error(e.getMessage());
        }
    }

    /** {@code a <-> b}: adds a new latent variable with edges into both, and says so in the warnings. */
    void addBidirected(String a, String b, TextPosition at) {
        String latent = validName("U_" + a + "_" + b);
        for (int i = 2; dag.findName(latent).isPresent(); i++) {
            latent = validName("U_" + a + "_" + b + "_" + i);
        }
        dag.addVariable(new Variable(latent, Role.LATENT, dag.require(a).type(),
                "Unmeasured common cause of " + a + " and " + b + " (bidirected edge in the imported file)", null));
        addEdge(latent, a, "", at);
        addEdge(latent, b, "", at);
        latentCauses.put(latent, List.of(a, b));
        warn("The bidirected edge " + a + " <-> " + b + " on line " + at.line() + " was imported as a new latent variable '"
                + latent + "' with edges " + latent + " -> " + a + " and " + latent + " -> " + b + ".");
    }

    ImportResult result() {
        return result(Optional.empty());
    }

    /** Finishes the import: latent causes are drawn above their effects when those have positions. */
    ImportResult result(Optional<DiscreteBayesNet> bayesNet) {
        latentCauses.forEach((latent, effects) -> {
            if (effects.stream().allMatch(positioned::contains)) {
                CanvasPosition a = dag.require(effects.get(0)).position();
                CanvasPosition b = dag.require(effects.get(1)).position();
                place(latent, (a.x() + b.x()) / 2, Math.min(a.y(), b.y()) - LATENT_OFFSET, TextPosition.UNKNOWN);
            }
        });
        boolean hasPositions = dag.size() > 0 && positioned.size() == dag.size();
        if (!hasPositions && !positioned.isEmpty()) {
            warn("Only " + positioned.size() + " of " + dag.size() + " variables have a position in the file;"
                    + " the graph needs a new layout.");
        }
        return new ImportResult(dag, warnings, hasPositions, bayesNet);
    }

    /** The same cycle read from its variable declared first, so that {@code a -> b -> a} is named as written. */
    private List<String> startingAtFirstDeclared(List<String> cycle) {
        List<String> ring = cycle.subList(0, cycle.size() - 1);
        int start = 0;
        for (int i = 1; i < ring.size(); i++) {
            if (dag.indexOf(ring.get(i)) < dag.indexOf(ring.get(start))) {
                start = i;
            }
        }
        List<String> rotated = new ArrayList<>(ring.subList(start, ring.size()));
        rotated.addAll(ring.subList(0, start));
        rotated.add(rotated.getFirst());
        return rotated;
    }

    /** Turns a name from a file into a valid, unused variable name. */
    private String validName(String nameInFile) {
        if (VariableName.problem(nameInFile) == null) {
            return nameInFile;
        }
        StringBuilder name = new StringBuilder();
        nameInFile.codePoints().forEach(c -> name.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '_' || c == '.' ? c : '_'));
        if (name.isEmpty() || !(Character.isLetter(name.codePointAt(0)) || name.charAt(0) == '_')) {
            name.insert(0, 'v');
        }
        String base = name.length() > VariableName.MAX_LENGTH - 4
                ? name.substring(0, VariableName.MAX_LENGTH - 4) : name.toString();
        String candidate = base;
        for (int i = 2; dag.findName(candidate).isPresent(); i++) {
            candidate = base + "_" + i;
        }
        return candidate;
    }
}
