package org.recausal.desktop.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import javafx.scene.shape.Shape;

import org.recausal.desktop.canvas.CanvasOverlay.LegendEntry;
import org.recausal.engine.dag.Role;

/**
 * The key to the canvas's colours, in a corner: one row per role, then the overlay's entries. Samples
 * carry the same style classes as the graph, so the legend always shows what the graph shows. A click
 * on its header folds it down to the header, so it never has to hide the graph; it
 * stays folded while overlays come and go. Exports show it unfolded.
 */
final class CanvasLegend extends VBox {
    static final double SWATCH_WIDTH = 22;
    static final double SWATCH_HEIGHT = 14;
    private static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");

    /** One row: a box sample (a variable) or a line sample (an edge), and what it means. */
    record Row(Region box, Shape line, String text) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final VBox body = new VBox();
    private final Button toggle = new Button();
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);

    CanvasLegend() {
        setId("canvas-legend");
        getStyleClass().add("canvas-legend");
        setFillWidth(false);
        // The header is one flat button: a click anywhere on it folds or unfolds the legend.
        Region chevron = new Region();
        chevron.getStyleClass().add("legend-chevron");
        toggle.setText("Legend");
        toggle.setGraphic(chevron);
        toggle.setContentDisplay(ContentDisplay.RIGHT);
        toggle.setGraphicTextGap(6);
        toggle.getStyleClass().addAll("legend-title", "legend-toggle");
        toggle.setId("legend-toggle");
        // The canvas keeps the keyboard: arrows and Delete act on the graph, not on this button.
        toggle.setFocusTraversable(false);
        toggle.setOnAction(event -> expanded.set(!expanded.get()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.when(expanded).then("Fold the legend away").otherwise("Show the legend"));
        toggle.setTooltip(tip);
        body.getStyleClass().add("legend-body");
        body.visibleProperty().bind(expanded);
        body.managedProperty().bind(expanded);
        expanded.addListener((obs, was, now) -> pseudoClassStateChanged(COLLAPSED, !now));
        getChildren().addAll(toggle, body);
        show(List.of(), List.of());
    }

    /** Whether the rows show, or only the header. */
    BooleanProperty expandedProperty() {
        return expanded;
    }

    /** Role rows, then one row per overlay entry; entries whose class styles edges get a line sample. */
    void show(List<LegendEntry> entries, Collection<String> edgeClasses) {
        rows.clear();
        body.getChildren().clear();
        for (Role role : Role.values()) {
            addBoxRow(role.label(), VariableView.roleClass(role));
        }
        for (LegendEntry entry : entries) {
            if (edgeClasses.contains(entry.styleClass())) {
                addLineRow(entry.label(), entry.styleClass());
            } else {
                addBoxRow(entry.label(), VariableView.roleClass(Role.ORDINARY), entry.styleClass());
            }
        }
    }

    private void addBoxRow(String text, String... classes) {
        Pane sample = new Pane();
        sample.getStyleClass().add("variable");
        sample.getStyleClass().addAll(classes);
        Region box = new Region();
        box.getStyleClass().addAll("box", "legend-box");
        box.resize(SWATCH_WIDTH, SWATCH_HEIGHT);
        sample.getChildren().add(box);
        sample.setMinSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        sample.setPrefSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        sample.setMaxSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        box.setManaged(false);
        addRow(sample, new Row(box, null, text));
    }

    private void addLineRow(String text, String styleClass) {
        Line line = new Line(0, SWATCH_HEIGHT / 2, SWATCH_WIDTH, SWATCH_HEIGHT / 2);
        line.getStyleClass().addAll("edge-line", styleClass);
        Pane sample = new Pane(line);
        sample.setMinSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        sample.setPrefSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        sample.setMaxSize(SWATCH_WIDTH, SWATCH_HEIGHT);
        addRow(sample, new Row(null, line, text));
    }

    private void addRow(Region sample, Row row) {
        Label label = new Label(row.text());
        label.getStyleClass().add("legend-label");
        HBox line = new HBox(8, sample, label);
        line.setAlignment(Pos.CENTER_LEFT);
        body.getChildren().add(line);
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }
}
