package org.recausal.desktop.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.recausal.engine.data.Column;
import org.recausal.engine.data.ColumnType;
import org.recausal.engine.data.Delimiter;
import org.recausal.engine.data.HeaderMode;
import org.recausal.engine.data.ImportProblem;
import org.recausal.engine.data.ImportResult;
import org.recausal.engine.data.ProblemKind;
import org.recausal.engine.data.ProblemPolicy;

/** Binds {@code import-dialog.fxml} to an {@link ImportDialogModel}. */
public final class ImportDialogController {

    /** Wide enough for "auto: categorical" in a type choice. */
    private static final double TYPE_CHOICE_WIDTH = 148;

    private final ImportDialogModel model;
    private final Supplier<Optional<Path>> chooseFile;
    private Runnable onClose = () -> { };
    private boolean accepted;

    @FXML private Label fileLabel;
    @FXML private Label fileDetails;
    @FXML private Button chooseButton;
    @FXML private Label encodingWarning;
    @FXML private ChoiceBox<Delimiter> delimiterBox;
    @FXML private ChoiceBox<HeaderMode> headerBox;
    @FXML private TextField nameField;
    @FXML private ChoiceBox<DatasetRole> roleBox;
    @FXML private HBox joinBox;
    @FXML private ChoiceBox<ImportDialogModel.JoinTarget> joinTargetBox;
    @FXML private ChoiceBox<String> joinKeyBox;
    @FXML private ChoiceBox<String> joinTargetKeyBox;
    @FXML private Label joinNote;
    @FXML private ToggleGroup storageGroup;
    @FXML private RadioButton embedRadio;
    @FXML private RadioButton referenceRadio;
    @FXML private Label storageHint;
    @FXML private Label detectedLabel;
    @FXML private Label previewStatus;
    @FXML private TableGrid previewGrid;
    @FXML private Label previewError;
    @FXML private Label problemSummary;
    @FXML private TableView<ImportProblem> problemTable;
    @FXML private GridPane policyGrid;
    @FXML private HBox progressBox;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label importError;
    @FXML private Button importButton;

    /** @param chooseFile asks for another file to import (the dialog's "Choose another file…") */
    public ImportDialogController(ImportDialogModel model, Supplier<Optional<Path>> chooseFile) {
        this.model = model;
        this.chooseFile = chooseFile;
    }

    /** What closes the window; the dialog sets it. */
    void setOnClose(Runnable onClose) {
        this.onClose = onClose;
    }

    /** Whether the analyst added the imported dataset (rather than cancelling). */
    boolean accepted() {
        return accepted;
    }

    @FXML
    private void initialize() {
        bindFile();
        bindReading();
        bindRoleAndStorage();
        bindPreview();
        bindProblems();
        bindImport();
    }

    private void bindFile() {
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> model.fileProperty().get() == null ? ""
                : model.fileProperty().get().getFileName().toString(), model.fileProperty()));
        fileDetails.textProperty().bind(Bindings.createStringBinding(() -> {
            Path file = model.fileProperty().get();
            if (file == null) {
                return "";
            }
            Path parent = file.toAbsolutePath().getParent();
            String folder = parent == null ? "" : parent + "  \u00b7  ";
            String size = Formats.bytes(file.toFile().length());
            String text = model.encodingProperty().get();
            return folder + size + (text.isEmpty() ? "" : "  \u00b7  " + text);
        }, model.fileProperty(), model.encodingProperty()));
        encodingWarning.textProperty().bind(model.encodingWarningProperty());
        encodingWarning.visibleProperty().bind(model.encodingWarningProperty().isNotEmpty());
        encodingWarning.managedProperty().bind(encodingWarning.visibleProperty());
    }

    private void bindReading() {
        delimiterBox.getItems().setAll(Delimiter.values());
        delimiterBox.setConverter(Choices.converter(d -> d == Delimiter.AUTO ? "Detect"
                : d.label().substring(0, 1).toUpperCase(Locale.ROOT) + d.label().substring(1)
                + " (" + (d == Delimiter.TAB ? "\u21e5" : d == Delimiter.SPACE ? "\u2423" : d.symbol()) + ")"));
        delimiterBox.valueProperty().bindBidirectional(model.delimiterProperty());
        headerBox.getItems().setAll(HeaderMode.values());
        headerBox.setConverter(Choices.converter(h -> switch (h) {
            case AUTO -> "Detect";
            case PRESENT -> "First row names the columns";
            case ABSENT -> "No header: all rows are data";
        }));
        headerBox.valueProperty().bindBidirectional(model.headerProperty());
        detectedLabel.textProperty().bind(Bindings.createStringBinding(() -> model.detectedProperty().get().isEmpty()
                ? "" : "Read as " + model.detectedProperty().get(), model.detectedProperty()));
    }

    private void bindRoleAndStorage() {
        nameField.textProperty().bindBidirectional(model.nameProperty());
        roleBox.getItems().setAll(DatasetRole.values());
        roleBox.valueProperty().bindBidirectional(model.roleProperty());
        joinTargetBox.getItems().setAll(model.joinTargets());
        joinTargetBox.valueProperty().bindBidirectional(model.joinTargetProperty());
        joinKeyBox.valueProperty().bindBidirectional(model.joinKeyProperty());
        joinTargetKeyBox.valueProperty().bindBidirectional(model.joinTargetKeyProperty());
        model.joinTargetProperty().addListener((_, _, target) -> joinTargetKeyBox.getItems()
                .setAll(target == null ? List.of() : target.columns()));
        if (model.joinTargetProperty().get() != null) {
            joinTargetKeyBox.getItems().setAll(model.joinTargetProperty().get().columns());
        }
        joinBox.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> model.roleProperty().get().joined() && !model.joinTargets().isEmpty(), model.roleProperty()));
        joinBox.managedProperty().bind(joinBox.visibleProperty());
        joinNote.textProperty().bind(Bindings.createStringBinding(() -> {
            DatasetRole role = model.roleProperty().get();
            if (role.joined() && model.joinTargets().isEmpty()) {
                return "No interactions table yet: this one stands alone until one is added.";
            }
            return role.joined() ? "" : role.description();
        }, model.roleProperty()));

        embedRadio.setText(Storage.EMBED.label());
        embedRadio.setUserData(Storage.EMBED);
        referenceRadio.setText(Storage.REFERENCE.label());
        referenceRadio.setUserData(Storage.REFERENCE);
        selectStorage(model.storageProperty().get());
        model.storageProperty().addListener((_, _, now) -> selectStorage(now));
        storageGroup.selectedToggleProperty().addListener((_, _, toggle) -> {
            if (toggle != null) {
                model.storageProperty().set((Storage) toggle.getUserData());
            }
        });
        storageHint.textProperty().bind(Bindings.createStringBinding(
                () -> "\u2014 " + model.storageProperty().get().description(), model.storageProperty()));
    }

    private void selectStorage(Storage storage) {
        storageGroup.selectToggle(storage == Storage.EMBED ? embedRadio : referenceRadio);
    }

    private void bindPreview() {
        previewGrid.setHeaderFactory(this::typeHeader);
        previewGrid.setMinColumnWidth(TYPE_CHOICE_WIDTH + 12);
        model.previewProperty().addListener((_, _, result) -> showPreview(result));
        showPreview(model.previewProperty().get());
        previewStatus.textProperty().bind(Bindings.createStringBinding(() -> model.previewTask().isRunning()
                ? "Reading\u2026" : model.previewProperty().get() == null ? ""
                : "first " + Formats.count(model.previewProperty().get().table().rowCount()) + " rows",
                model.previewTask().runningProperty(), model.previewProperty()));
        previewError.textProperty().bind(model.previewErrorProperty());
        previewError.visibleProperty().bind(model.previewErrorProperty().isNotEmpty());
    }

    private void showPreview(ImportResult result) {
        previewGrid.setTable(result == null ? null : result.table());
        List<String> names = model.getColumns().stream().map(ImportDialogModel.PreviewColumn::name).toList();
        String key = model.joinKeyProperty().get();
        joinKeyBox.getItems().setAll(names);
        model.joinKeyProperty().set(key);
    }

    /** A column header: its name over a type choice ("auto: integer" keeps what was detected). */
    private Node typeHeader(Column column) {
        ImportDialogModel.PreviewColumn preview = model.getColumns().stream()
                .filter(c -> c.name().equals(column.name())).findFirst()
                .orElse(new ImportDialogModel.PreviewColumn(column.name(), column.type(), null));
        Label name = new Label(column.name());
        name.getStyleClass().add("grid-header-name");
        ComboBox<ColumnType> type = new ComboBox<>();
        type.setId("type-" + column.name());
        type.getStyleClass().add("type-choice");
        type.setPrefWidth(TYPE_CHOICE_WIDTH);
        type.getItems().add(null);
        type.getItems().addAll(ColumnType.values());
        String auto = "auto: " + Formats.type(preview.detected());
        type.setConverter(Choices.converter(auto, Formats::type));
        // Combo box cells show nothing for a null item unless they are told otherwise.
        type.setButtonCell(new TypeCell(auto));
        type.setCellFactory(_ -> new TypeCell(auto));
        type.setValue(preview.chosen());
        type.valueProperty().addListener((_, _, chosen) -> model.setColumnType(column.name(), chosen));
        type.disableProperty().bind(model.importTask().runningProperty());
        VBox header = new VBox(2, name, type);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private void bindProblems() {
        ProblemTable.install(problemTable, "No problems in the rows read so far.");
        problemTable.setItems(model.getProblems());
        problemSummary.textProperty().bind(model.problemSummaryProperty());
        int row = 0;
        for (ProblemKind kind : ProblemKind.values()) {
            Label label = new Label(capitalise(kind.label()));
            label.getStyleClass().add("policy-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            ChoiceBox<ProblemPolicy> policy = new ChoiceBox<>();
            policy.setId("policy-" + kind.name().toLowerCase(Locale.ROOT));
            policy.getItems().setAll(ProblemPolicy.values());
            policy.setConverter(Choices.converter(p -> switch (p) {
                case DROP_ROW -> "Drop the row";
                case TREAT_AS_MISSING -> kind == ProblemKind.WRONG_FIELD_COUNT ? "Keep, absent fields missing"
                        : "Keep, as a missing value";
                case STOP -> "Stop the import";
            }));
            policy.valueProperty().bindBidirectional(model.policyProperty(kind));
            policy.disableProperty().bind(model.importTask().runningProperty());
            policyGrid.addRow(row++, label, policy);
        }
    }

    private void bindImport() {
        progressBox.visibleProperty().bind(model.importTask().runningProperty());
        progressBox.managedProperty().bind(progressBox.visibleProperty());
        progressBar.progressProperty().bind(model.importTask().progressProperty());
        progressLabel.textProperty().bind(model.importTask().messageProperty());
        importError.textProperty().bind(model.importErrorProperty());
        importButton.disableProperty().bind(model.canImportBinding().not()
                .and(model.importedProperty().isNull()));
        importButton.textProperty().bind(Bindings.when(model.importedProperty().isNull())
                .then("Import").otherwise("Add dataset"));
        for (Node option : new Node[] {chooseButton, delimiterBox, headerBox, nameField, roleBox, joinBox, embedRadio,
                referenceRadio}) {
            option.disableProperty().bind(model.importTask().runningProperty());
        }
        model.importedProperty().addListener((_, _, done) -> {
            // Nothing to look at: add it at once. Otherwise the problems stay on screen until "Add dataset".
            if (done != null && done.result().report().totalProblems() == 0) {
                accept();
            }
        });
        model.getProblems().addListener((ListChangeListener<ImportProblem>) _ -> problemTable.scrollTo(0));
    }

    @FXML
    private void chooseFile() {
        chooseFile.get().ifPresent(model.fileProperty()::set);
    }

    @FXML
    private void cancelImport() {
        model.cancelImport();
    }

    @FXML
    private void importOrAdd() {
        if (model.importedProperty().get() != null) {
            accept();
        } else {
            model.startImport();
        }
    }

    @FXML
    private void close() {
        model.dispose();
        onClose.run();
    }

    private void accept() {
        accepted = true;
        model.dispose();
        onClose.run();
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    /** A column type, or "auto: detected" for no choice. */
    private static final class TypeCell extends javafx.scene.control.ListCell<ColumnType> {
        private final String auto;

        TypeCell(String auto) {
            this.auto = auto;
        }

        @Override
        protected void updateItem(ColumnType item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item == null ? auto : Formats.type(item));
        }
    }
}
