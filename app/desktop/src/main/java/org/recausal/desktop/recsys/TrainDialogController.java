package org.recausal.desktop.recsys;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** The Train dialog's view (train-dialog.fxml): binds its fields to a {@link TrainDialogModel}. */
public final class TrainDialogController {
    private final TrainDialogModel model;
    private Runnable close = () -> { };
    private boolean accepted;

    @FXML private ComboBox<DatasetTable> datasetBox;
    @FXML private ComboBox<String> userBox;
    @FXML private ComboBox<String> itemBox;
    @FXML private ComboBox<String> timeBox;
    @FXML private ComboBox<String> feedbackBox;
    @FXML private ComboBox<String> propensityBox;
    @FXML private ChoiceBox<ModelKind> kindBox;
    @FXML private GridPane sasrecGrid;
    @FXML private GridPane mfGrid;
    @FXML private HBox propensityRow;
    @FXML private ChoiceBox<TrainDialogModel.PropensitySource> propensitySourceBox;
    @FXML private Label exposureLabel;
    @FXML private ComboBox<String> exposureBox;
    @FXML private TextField maxLengthField;
    @FXML private TextField dimensionField;
    @FXML private TextField blocksField;
    @FXML private TextField headsField;
    @FXML private TextField dropoutField;
    @FXML private TextField batchField;
    @FXML private TextField validateEveryField;
    @FXML private CheckBox traitsBox;
    @FXML private TextField factorsField;
    @FXML private TextField lambdaField;
    @FXML private Label epochsLabel;
    @FXML private TextField epochsField;
    @FXML private TextField learningRateField;
    @FXML private TextField seedField;
    @FXML private ChoiceBox<SplitKind> splitBox;
    @FXML private TextField testShareField;
    @FXML private TextField validationShareField;
    @FXML private Label problemLabel;
    @FXML private Button trainButton;

    public TrainDialogController(TrainDialogModel model) {
        this.model = model;
    }

    void setOnClose(Runnable onClose) {
        close = onClose;
    }

    /** Whether the analyst pressed Train with complete settings. */
    boolean accepted() {
        return accepted;
    }

    @FXML
    private void initialize() {
        datasetBox.setItems(model.getDatasets());
        datasetBox.valueProperty().bindBidirectional(model.datasetProperty());
        userBox.setItems(model.getColumns());
        itemBox.setItems(model.getColumns());
        userBox.valueProperty().bindBidirectional(model.userProperty());
        itemBox.valueProperty().bindBidirectional(model.itemProperty());
        for (ComboBox<String> box : List.of(timeBox, feedbackBox, propensityBox)) {
            box.setItems(model.getNumericColumns());
        }
        timeBox.valueProperty().bindBidirectional(model.timeProperty());
        feedbackBox.valueProperty().bindBidirectional(model.feedbackProperty());
        propensityBox.valueProperty().bindBidirectional(model.propensityProperty());
        kindBox.getItems().setAll(ModelKind.values());
        kindBox.valueProperty().bindBidirectional(model.kindProperty());
        var sasrec = Bindings.createBooleanBinding(() -> model.kindProperty().get() == ModelKind.SASREC, model.kindProperty());
        sasrecGrid.visibleProperty().bind(sasrec);
        sasrecGrid.managedProperty().bind(sasrec);
        mfGrid.visibleProperty().bind(sasrec.not());
        mfGrid.managedProperty().bind(sasrec.not());
        var weighted = Bindings.createBooleanBinding(() -> model.kindProperty().get().needsPropensities(),
                model.kindProperty());
        propensityRow.visibleProperty().bind(weighted);
        propensityRow.managedProperty().bind(weighted);
        propensitySourceBox.getItems().setAll(TrainDialogModel.PropensitySource.values());
        propensitySourceBox.valueProperty().bindBidirectional(model.propensitySourceProperty());
        exposureBox.setItems(model.getExposures());
        exposureBox.valueProperty().bindBidirectional(model.exposureProperty());
        var fromDag = model.propensitySourceProperty().isEqualTo(TrainDialogModel.PropensitySource.DAG);
        exposureLabel.visibleProperty().bind(fromDag);
        exposureBox.visibleProperty().bind(fromDag);
        epochsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> model.kindProperty().get().needsRatings() ? "Steps" : "Epochs", model.kindProperty()));
        bind(maxLengthField, model.maxLengthProperty());
        bind(dimensionField, model.dimensionProperty());
        bind(blocksField, model.blocksProperty());
        bind(headsField, model.headsProperty());
        bind(dropoutField, model.dropoutProperty());
        bind(batchField, model.batchSizeProperty());
        bind(validateEveryField, model.validateEveryProperty());
        traitsBox.selectedProperty().bindBidirectional(model.sideFeaturesProperty());
        traitsBox.disableProperty().bind(Bindings.isEmpty(model.getTraits()));
        Tooltip traits = new Tooltip();
        traits.textProperty().bind(Bindings.createStringBinding(() -> model.getTraits().isEmpty()
                ? "The DAG has no observed variable upstream of its exposure that the data hold per user or per item"
                : "Besides each user's history, SASRec reads: " + String.join(", ", model.getTraits())
                        + ". Those not constant per user or per item in the joined data are skipped when training starts.",
                model.getTraits()));
        traitsBox.setTooltip(traits);
        bind(factorsField, model.factorsProperty());
        bind(lambdaField, model.lambdaProperty());
        bind(epochsField, model.epochsProperty());
        bind(learningRateField, model.learningRateProperty());
        bind(seedField, model.seedProperty());
        splitBox.getItems().setAll(SplitKind.values());
        splitBox.valueProperty().bindBidirectional(model.splitProperty());
        bind(testShareField, model.testShareProperty());
        bind(validationShareField, model.validationShareProperty());
        var noShares = Bindings.createBooleanBinding(() -> !model.splitProperty().get().usesShares(), model.splitProperty());
        testShareField.disableProperty().bind(noShares);
        validationShareField.disableProperty().bind(noShares);
        problemLabel.textProperty().bind(model.problemProperty());
        trainButton.disableProperty().bind(model.problemProperty().isNotEmpty());
    }

    private static void bind(TextField field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }

    @FXML
    private void train() {
        if (model.settings() != null) {
            accepted = true;
            close.run();
        }
    }

    @FXML
    private void cancel() {
        close.run();
    }
}
