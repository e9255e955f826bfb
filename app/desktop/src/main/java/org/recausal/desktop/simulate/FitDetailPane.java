package org.recausal.desktop.simulate;

import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import org.recausal.engine.scm.NodeFit;

/**
 * One node's fit in detail, so that a weak link shows: what was fitted and how well, the cross-validated losses of
 * the kinds compared, and for a numeric node the binned residual plot (mean residual and its spread by fitted
 * value; a curve away from zero means the mechanism misses a non-linearity).
 */
public final class FitDetailPane extends VBox {

    private final Label facts = new Label("Select a node to see its fit.");
    private final TableView<NodeFit.CandidateScore> candidates = new TableView<>();
    private final LineChart<Number, Number> residuals;
    private final Label noResiduals = new Label();

    public FitDetailPane() {
        getStyleClass().add("fit-detail");
        facts.getStyleClass().add("fit-detail-label");
        facts.setWrapText(true);
        candidates.getStyleClass().add("candidate-table");
        candidates.setPrefHeight(104);
        candidates.setPlaceholder(new Label("No cross-validation: the kind was set, or the node has no parents"));
        candidates.getColumns().add(column("Kind", 100, c -> FitRow.label(c.family())));
        candidates.getColumns().add(column("CV loss", 70, c -> String.format(Locale.ROOT, "%.4g", c.loss())));
        candidates.getColumns().add(column("SE of gap", 70, c -> c.chosen() ? "—"
                : String.format(Locale.ROOT, "%.2g", c.standardError())));
        candidates.getColumns().add(column("", 60, c -> c.chosen() ? "chosen" : ""));
        candidates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        NumberAxis x = new NumberAxis();
        x.setLabel("fitted value");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("residual");
        residuals = new LineChart<>(x, y);
        residuals.getStyleClass().add("residual-chart");
        residuals.setId("residualChart");
        residuals.setAnimated(false);
        residuals.setTitle("Residuals by fitted value");
        residuals.setPrefHeight(230);
        residuals.setMinHeight(200);
        noResiduals.getStyleClass().add("placeholder");
        noResiduals.setWrapText(true);
        Label compared = new Label("Model kinds compared by cross-validation (the simplest within one standard error"
                + " of the best is chosen)");
        compared.getStyleClass().add("subheading");
        compared.setWrapText(true);
        setSpacing(8);
        getChildren().addAll(facts, residuals, noResiduals, compared, candidates);
        show(null);
    }

    private static TableColumn<NodeFit.CandidateScore, String> column(String title, double width,
            Function<NodeFit.CandidateScore, String> text) {
        TableColumn<NodeFit.CandidateScore, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }

    /** Shows {@code row}'s fit, or asks for a node when it is null. */
    public void show(FitRow row) {
        residuals.getData().clear();
        if (row == null) {
            facts.setText("Select a node (in the table or on the canvas) to see its fit.");
            candidates.getItems().clear();
            showResiduals(false, "");
            return;
        }
        NodeFit fit = row.fit();
        facts.setText(row.node() + ": " + fit.mechanism() + " · " + fit.rows() + " rows\n" + row.quality()
                + (fit.warnings().isEmpty() ? "" : "\n⚠ " + String.join("\n⚠ ", fit.warnings())));
        candidates.getItems().setAll(fit.candidates());
        switch (fit.quality()) {
            case NodeFit.NumericQuality q when !q.bins().isEmpty() && !fit.parents().isEmpty() -> {
                residuals.getData().add(series("Mean residual", q, 0));
                residuals.getData().add(series("+1 SD", q, 1));
                residuals.getData().add(series("−1 SD", q, -1));
                showResiduals(true, "");
            }
            case NodeFit.NumericQuality _ -> showResiduals(false, "A node without parents has no residual plot:"
                    + " its mechanism is its own distribution.");
            case NodeFit.DiscreteQuality q -> showResiduals(false, String.format(Locale.ROOT,
                    "A discrete node has no residuals. Its log-loss %.3f against %.3f for the level frequencies alone"
                            + " (lower is better)%s; accuracy %.3f.", q.logLoss(), q.baselineLogLoss(),
                    Double.isNaN(q.auc()) ? "" : String.format(Locale.ROOT, ", AUC %.3f (0.5 is chance)", q.auc()),
                    q.accuracy()));
        }
    }

    private void showResiduals(boolean plot, String instead) {
        residuals.setVisible(plot);
        residuals.setManaged(plot);
        noResiduals.setText(instead);
        noResiduals.setVisible(!plot);
        noResiduals.setManaged(!plot);
    }

    /** The mean residual per fitted-value bin ({@code sds} 0), or the mean plus or minus one SD. */
    private static XYChart.Series<Number, Number> series(String name, NodeFit.NumericQuality quality, int sds) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (NodeFit.ResidualBin bin : quality.bins()) {
            if (bin.count() > 0) {
                series.getData().add(new XYChart.Data<>((bin.fittedFrom() + bin.fittedTo()) / 2,
                        bin.meanResidual() + sds * bin.residualSd()));
            }
        }
        return series;
    }
}
