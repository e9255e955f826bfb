package org.recausal.desktop.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.recausal.desktop.testing.SameThreadExecutor;
import org.recausal.desktop.testing.ScriptedDialogs;
import org.recausal.engine.analysis.NotADag;
import org.recausal.engine.dag.CanvasPosition;
import org.recausal.engine.dag.CausalEdge;
import org.recausal.engine.dag.Dag;
import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;
import org.recausal.engine.dag.edit.EditHistory;
import org.recausal.engine.io.GraphFormat;

/** Paste, import and export in plain JUnit: work on the test thread, dialogs scripted. */
class GraphTransferViewModelTest {
    @TempDir
    Path temp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> information = new ArrayList<>();
    private final List<String> notADag = new ArrayList<>();
    private final List<List<String>> added = new ArrayList<>();
    private EditHistory history = new EditHistory(new Dag());

    private GraphTransferViewModel transfer() {
        return new GraphTransferViewModel(dialogs, new SameThreadExecutor(), () -> history, () -> temp,
                name -> 10.0 * name.length() + 20, new GraphTransferViewModel.Listener() {
                    @Override
                    public void warn(String message) {
                        warnings.add(message);
                    }

                    @Override
                    public void inform(String message) {
                        information.add(message);
                    }

                    @Override
                    public void notADag(NotADag cycle, String source) {
                        notADag.add(cycle.message() + " in the " + source);
                    }

                    @Override
                    public void added(List<String> names) {
                        added.add(names);
                    }
                });
    }

    private Dag dag() {
        return history.dag();
    }

    @Test
    void pastedDagittyTextIsLaidOutAndAddedAsOneUndoStep() {
        transfer().paste("dag { x [exposure] y [outcome] z [latent] z -> x z -> y x -> y }");
        assertThat(dag().names()).containsExactly("x", "y", "z");
        assertThat(dag().require("x").role()).isEqualTo(Role.EXPOSURE);
        assertThat(dag().require("z").role()).isEqualTo(Role.LATENT);
        assertThat(dag().edgeCount()).isEqualTo(3);
        // Layers: z above x above y.
        assertThat(dag().require("z").position().y()).isLessThan(dag().require("x").position().y());
        assertThat(dag().require("x").position().y()).isLessThan(dag().require("y").position().y());
        assertThat(history.undoDescription()).contains("Paste DAGitty graph (3 variables)");
        assertThat(added).containsExactly(List.of("x", "y", "z"));
        assertThat(warnings).isEmpty();

        history.undo();
        assertThat(dag().size()).isZero();
    }

    @Test
    void pastedGraphsLandBesideTheGraphAlreadyThere() {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("a").at(100, 100));
        dag.addVariable(Variable.of("b").at(400, 300));
        history = new EditHistory(dag);

        transfer().paste("digraph { p -> q; q -> r; }");
        double right = dag().variables().stream().filter(v -> List.of("a", "b").contains(v.name()))
                .mapToDouble(v -> v.position().x()).max().orElseThrow();
        for (String name : List.of("p", "q", "r")) {
            CanvasPosition at = dag().require(name).position();
            // At least a box and the gap to the right of the old graph, and no higher than its top.
            assertThat(at.x()).isGreaterThanOrEqualTo(right + 10.0 + 20 + IncomingGraph.GAP);
            assertThat(at.y()).isGreaterThanOrEqualTo(100);
        }
        assertThat(dag().require("p").position().y()).isEqualTo(100);
        assertThat(history.undoDescription()).contains("Paste Graphviz DOT graph (3 variables)");
    }

    @Test
    void positionsInTheTextAreKeptApartFromTheShift() {
        transfer().paste("dag { a [pos=\"0,0\"] b [pos=\"1,1\"] a -> b }");
        CanvasPosition a = dag().require("a").position();
        CanvasPosition b = dag().require("b").position();
        assertThat(b.x()).isGreaterThan(a.x());
        assertThat(b.y()).isGreaterThan(a.y());
        // The same text pasted once more would clash; with other names it goes beside.
        transfer().paste("dag { c [pos=\"0,0\"] d [pos=\"1,1\"] c -> d }");
        assertThat(dag().require("c").position().x()).isGreaterThan(b.x());
        assertThat(dag().require("d").position().x() - dag().require("c").position().x()).isEqualTo(b.x() - a.x());
    }

    @Test
    void brokenTextIsRefusedWithLineAndColumnAndNothingChanges() {
        transfer().paste("dag { x -> y }");
        String before = dag().edges().toString();

        transfer().paste("dag {\n  a -> b\n  c -> \n}");
        assertThat(warnings).singleElement().asString()
                .startsWith("Cannot paste the DAGitty text: Line 4, column 1:").endsWith("Nothing was changed.");
        assertThat(dag().edges()).hasToString(before);
        assertThat(notADag).isEmpty();

        transfer().paste("this is ]] not a graph");
        assertThat(warnings.getLast()).contains("in no graph format Recausal reads");
        transfer().paste("   ");
        assertThat(warnings.getLast()).isEqualTo("The clipboard holds no text to paste as a graph.");
        transfer().paste(null);
        assertThat(warnings).hasSize(3 + 1);
        assertThat(dag().edges()).hasToString(before);
        assertThat(history.undoDescription()).contains("Paste DAGitty graph (2 variables)");
    }

    @Test
    void aCyclicTextIsNotADagAndChangesNothing() {
        transfer().paste("digraph {\n a -> b;\n b -> c;\n c -> a;\n}");
        assertThat(dag().size()).isZero();
        assertThat(notADag).singleElement().asString()
                .startsWith("the graph is not a DAG: ").contains("pasted Graphviz DOT text (line ");
        assertThat(warnings).singleElement().asString().startsWith("Cannot paste the Graphviz DOT text: Line ");
        assertThat(history.canUndo()).isFalse();
    }

    @Test
    void takenNamesRefuseThePasteAsAWhole() {
        transfer().paste("dag { Price -> sales }");
        transfer().paste("dag { price -> demand  stock -> demand }");
        assertThat(warnings).singleElement().asString()
                .isEqualTo("Cannot paste the DAGitty text: The canvas already has a variable named Price. Rename it in"
                        + " the text or delete it from the canvas first. Nothing was changed.");
        assertThat(dag().names()).containsExactly("Price", "sales");
    }

    @Test
    void importingAFileAddsItsGraph() throws Exception {
        Path asia = Path.of("/work/shared/datasets/bnlearn-networks/asia.bif");
        dialogs.answerImport(asia);
        transfer().importGraph();
        Dag expected = GraphFormat.BIF.read(Files.readString(asia)).dag();
        assertThat(dag().names()).containsExactlyElementsOf(expected.names());
        assertThat(dag().edges()).map(CausalEdge::toString).containsExactlyElementsOf(
                expected.edges().stream().map(CausalEdge::toString).toList());
        assertThat(history.undoDescription()).contains("Import asia.bif (8 variables)");

        // The content decides when the extension does not: a DOT text in a .txt file.
        Path dot = Files.writeString(temp.resolve("graph.txt"), "digraph { k -> l }");
        transfer().importGraph(dot);
        assertThat(dag().hasEdge("k", "l")).isTrue();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(dialogs.scriptUsedUp()).isTrue();
    }

    @Test
    void anUnreadableFileShowsWhyAndWhere() throws Exception {
        Path bad = Files.writeString(temp.resolve("broken.dot"), "digraph { a -> ; }");
        transfer().importGraph(bad);
        assertThat(dialogs.errors()).singleElement().satisfies(error -> {
            assertThat(error.title()).isEqualTo("Cannot import broken.dot");
            assertThat(error.text()).startsWith("Line 1, column ").contains("File: " + bad);
        });
        transfer().importGraph(temp.resolve("missing.dagitty"));
        assertThat(dialogs.errors().getLast().text()).startsWith("The file does not exist.");
        Path binary = Files.write(temp.resolve("binary.dagitty"), new byte[] {(byte) 0xC3, (byte) 0x28, 'x'});
        transfer().importGraph(binary);
        assertThat(dialogs.errors().getLast().text()).startsWith("The file is not UTF-8 text.");
        assertThat(dag().size()).isZero();
    }

    static List<GraphFormat> exportFormats() {
        return GraphTransferViewModel.exportFormats();
    }

    @ParameterizedTest
    @MethodSource("exportFormats")
    void exportsReadBackToTheSameGraph(GraphFormat format) throws Exception {
        Dag dag = new Dag();
        dag.addVariable(Variable.of("ad_spend").withRole(Role.EXPOSURE).at(0, 0));
        dag.addVariable(Variable.of("sales").withRole(Role.OUTCOME).at(0, 120));
        dag.addVariable(Variable.of("season").at(200, 0));
        dag.addEdge("ad_spend", "sales");
        dag.addEdge("season", "ad_spend");
        dag.addEdge("season", "sales");
        history = new EditHistory(dag);

        Path target = temp.resolve("shop");
        dialogs.answerGraphExport(target, format);
        transfer().exportGraph("shop");

        Path written = temp.resolve("shop." + format.extensions().getFirst());
        assertThat(information).containsExactly("Exported the graph to " + written.getFileName() + " (" + format.label() + ").");
        Dag back = GraphFormat.detect(written.getFileName().toString(), Files.readString(written, StandardCharsets.UTF_8))
                .orElseThrow().read(Files.readString(written)).dag();
        assertThat(back.names()).containsExactlyInAnyOrder("ad_spend", "sales", "season");
        assertThat(back.edges()).map(CausalEdge::toString)
                .containsExactlyInAnyOrder("ad_spend -> sales", "season -> ad_spend", "season -> sales");
        assertThat(dialogs.suggestedNames()).containsExactly("shop.dagitty");
    }

    @Test
    void aTypedExtensionChoosesTheFormat() throws Exception {
        transfer().paste("dag { a -> b }");
        dialogs.answerGraphExport(temp.resolve("g.dot"), GraphFormat.DAGITTY);
        transfer().exportGraph("g");
        assertThat(Files.readString(temp.resolve("g.dot"))).contains("digraph");
        assertThat(temp.resolve("g.dot.dagitty")).doesNotExist();

        dialogs.answerGraphExport(null, GraphFormat.DAGITTY);
        transfer().exportGraph("g");
        assertThat(information).hasSize(1);
    }

    @Test
    void anEmptyGraphIsNotExported() {
        transfer().exportGraph("empty");
        assertThat(warnings).containsExactly("The graph is empty: add a variable before exporting it.");
        assertThat(dialogs.scriptUsedUp()).isTrue();
    }
}
