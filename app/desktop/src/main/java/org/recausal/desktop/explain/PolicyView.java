package org.recausal.desktop.explain;

import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.recausal.engine.policy.Policy;
import org.recausal.engine.policy.PolicyResult;

/**
 * The Policies tab's binding to a {@link PolicyComparisonModel}: the policy list, the ranking's parts, the run,
 * the chart of the picked metric across policies and the table of every metric side by side.
 */
final class PolicyView {
    /** The tab's controls, as the FXML names them. */
    record Controls(TextField policyField, ListView<Policy> policyList, ComboBox<String> scoreBox,
            ComboBox<String> exposureBox, ComboBox<String> popularityBox, TextField outcomesField,
            ComboBox<String> groupBox, Spinner<Integer> replicatesSpinner, Button runButton, ProgressBar progress,
            Label progressLabel, Button cancelButton, Label error, ComboBox<PolicyComparisonModel.MetricKey> metricBox,
            MenuButton exportButton, SignedBars chart, TableView<PolicyComparisonModel.MetricKey> table, Label notes,
            Label status) {
    }

    private PolicyView() {
    }

    static void bind(PolicyComparisonModel model, Controls c) {
        c.policyField().textProperty().bindBidirectional(model.policyTextProperty());
        c.policyList().setItems(model.getPolicies());
        c.policyList().setPlaceholder(new Label("No policies yet: type one above and add it"));
        c.policyList().setCellFactory(_ -> new ListCell<>() {
            @Override
            protected void updateItem(Policy item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text() + "    \u2014  " + item.definition());
            }
        });
        c.policyList().setOnKeyPressed(e -> {
            Policy picked = c.policyList().getSelectionModel().getSelectedItem();
            if (picked != null && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                model.getPolicies().remove(picked);
            }
        });
        for (ComboBox<String> box : List.of(c.scoreBox(), c.exposureBox(), c.popularityBox(), c.groupBox())) {
            box.setItems(model.getVariables());
        }
        c.scoreBox().valueProperty().bindBidirectional(model.scoreProperty());
        c.exposureBox().valueProperty().bindBidirectional(model.exposureProperty());
        c.popularityBox().valueProperty().bindBidirectional(model.popularityProperty());
        c.groupBox().valueProperty().bindBidirectional(model.groupProperty());
        c.outcomesField().textProperty().bindBidirectional(model.outcomesProperty());
        c.replicatesSpinner().setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000,
                model.replicatesProperty().get(), 10));
        c.replicatesSpinner().getValueFactory().valueProperty()
                .addListener((_, _, v) -> model.replicatesProperty().set(v));
        model.replicatesProperty().addListener((_, _, v) -> c.replicatesSpinner().getValueFactory()
                .setValue(v.intValue()));

        c.progress().progressProperty().bind(model.task().progressProperty());
        c.progressLabel().textProperty().bind(model.task().messageProperty());
        c.progress().visibleProperty().bind(model.task().runningProperty());
        c.progressLabel().visibleProperty().bind(model.task().runningProperty());
        c.cancelButton().visibleProperty().bind(model.task().runningProperty());
        c.runButton().disableProperty().bind(model.task().runningProperty());
        c.error().textProperty().bind(model.errorProperty());
        c.error().managedProperty().bind(c.error().textProperty().isNotEmpty());
        c.status().textProperty().bind(model.statusProperty());
        // Saved results the graph or data have moved on from read as a warning, not as current figures.
        model.staleProperty().addListener((_, _, isStale) -> {
            c.status().getStyleClass().remove("policy-stale");
            if (isStale) {
                c.status().getStyleClass().add("policy-stale");
            }
        });

        c.metricBox().setItems(model.getMetrics());
        c.metricBox().valueProperty().bindBidirectional(model.metricProperty());
        c.exportButton().disableProperty().bind(Bindings.isEmpty(model.getResults()));
        c.chart().chartProperty().bind(Bindings.createObjectBinding(() -> {
            PolicyComparisonModel.MetricKey metric = model.metricProperty().get();
            List<PolicyResult> results = model.getResults();
            return metric == null || results.isEmpty() ? null : PolicyChart.of(metric, model.effects(metric),
                    results.stream().map(PolicyResult::policy).toList(), results.getFirst().level());
        }, model.metricProperty(), model.getResults()));
        c.table().setItems(model.getMetrics());
        model.getResults().addListener((ListChangeListener<PolicyResult>) _ -> {
            fillTable(c.table(), model.getResults());
            c.notes().setText(String.join("\n", model.getResults().stream().flatMap(r -> r.notes().stream()
                    .map(n -> r.policy() + ": " + n)).toList()));
        });
        c.table().getSelectionModel().selectedItemProperty().addListener((_, _, picked) -> {
            if (picked != null) {
                model.metricProperty().set(picked);
            }
        });
    }

    /** One row per metric: its value now, then its change under each policy, with intervals. */
    private static void fillTable(TableView<PolicyComparisonModel.MetricKey> table, List<PolicyResult> results) {
        table.getColumns().clear();
        if (results.isEmpty()) {
            return;
        }
        TableColumn<PolicyComparisonModel.MetricKey, String> metric = new TableColumn<>("Metric");
        metric.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        metric.setPrefWidth(220);
        TableColumn<PolicyComparisonModel.MetricKey, String> current = new TableColumn<>("Current policy");
        current.setCellValueFactory(c -> new ReadOnlyStringWrapper(results.getFirst()
                .metric(c.getValue().metric(), c.getValue().group()).map(m -> estimate(m.current(), false)).orElse("")));
        current.setPrefWidth(170);
        table.getColumns().add(metric);
        table.getColumns().add(current);
        for (PolicyResult r : results) {
            TableColumn<PolicyComparisonModel.MetricKey, String> column = new TableColumn<>(r.policy());
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(r.metric(c.getValue().metric(),
                    c.getValue().group()).map(m -> estimate(m.difference(), true)).orElse("")));
            column.setPrefWidth(190);
            table.getColumns().add(column);
        }
    }

    private static String estimate(PolicyResult.Estimate e, boolean signed) {
        String value = String.format(Locale.ROOT, signed ? "%+.4f" : "%.4f", e.value());
        return Double.isNaN(e.ci().lower()) ? value
                : String.format(Locale.ROOT, "%s [%.4f, %.4f]", value, e.ci().lower(), e.ci().upper());
    }
}
