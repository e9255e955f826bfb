package org.recausal.desktop.properties;

import java.util.Map;

import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

import org.recausal.desktop.properties.PropertiesViewModel.Subject;
import org.recausal.engine.dag.DataType;
import org.recausal.engine.dag.Role;

/**
 * Binds {@code property-panel.fxml} to a {@link PropertiesViewModel}. Text fields commit on Enter (name)
 * or when they lose focus; Escape puts back what the graph says.
 */
public final class PropertiesController {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final PropertiesViewModel model;

    @FXML private Label heading;
    @FXML private VBox variablePage;
    @FXML private VBox edgePage;
    @FXML private VBox severalPage;
    @FXML private VBox nonePage;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private ComboBox<Role> roleBox;
    @FXML private ComboBox<DataType> typeBox;
    @FXML private TextArea descriptionArea;
    @FXML private Label causesLabel;
    @FXML private Label effectsLabel;
    @FXML private TextArea noteArea;
    @FXML private Label noteError;
    /** Set while the combo boxes are filled from the model, so that filling them is not taken as a change. */
    private boolean showing;

    public PropertiesController(PropertiesViewModel model) {
        this.model = model;
    }

    public PropertiesViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        heading.textProperty().bind(model.headingProperty());
        causesLabel.textProperty().bind(model.causesProperty());
        effectsLabel.textProperty().bind(model.effectsProperty());
        Map<Subject, VBox> pages = Map.of(Subject.VARIABLE, variablePage, Subject.EDGE, edgePage,
                Subject.SEVERAL, severalPage, Subject.NONE, nonePage);
        pages.forEach((subject, page) -> {
            page.visibleProperty().bind(model.subjectProperty().isEqualTo(subject));
            page.managedProperty().bind(page.visibleProperty());
        });

        nameField.textProperty().bindBidirectional(model.nameProperty());
        descriptionArea.textProperty().bindBidirectional(model.descriptionProperty());
        noteArea.textProperty().bindBidirectional(model.noteProperty());
        nameField.setOnAction(_ -> model.commitName());
        commitOnFocusLoss(nameField, model::commitName);
        commitOnFocusLoss(descriptionArea, model::commitDescription);
        commitOnFocusLoss(noteArea, model::commitNote);
        for (TextInputControl field : new TextInputControl[] {nameField, descriptionArea, noteArea}) {
            field.addEventHandler(KeyEvent.KEY_PRESSED, key -> {
                if (key.getCode() == KeyCode.ESCAPE) {
                    model.revert();
                    key.consume();
                }
            });
        }

        nameError.textProperty().bind(model.errorProperty());
        noteError.textProperty().bind(model.errorProperty());
        for (Label error : new Label[] {nameError, noteError}) {
            error.visibleProperty().bind(model.errorProperty().isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
        }
        model.errorProperty().addListener((_, _, text) -> nameField.pseudoClassStateChanged(ERROR, !text.isEmpty()));

        roleBox.getItems().setAll(Role.values());
        typeBox.getItems().setAll(DataType.values());
        model.roleProperty().addListener((_, _, role) -> show(() -> roleBox.setValue(role)));
        model.typeProperty().addListener((_, _, type) -> show(() -> typeBox.setValue(type)));
        roleBox.valueProperty().addListener((_, _, role) -> {
            if (!showing && role != null) {
                model.setRole(role);
            }
        });
        typeBox.valueProperty().addListener((_, _, type) -> {
            if (!showing && type != null) {
                model.setType(type);
            }
        });
        show(() -> {
            roleBox.setValue(model.roleProperty().get());
            typeBox.setValue(model.typeProperty().get());
        });
    }

    private void show(Runnable fill) {
        showing = true;
        try {
            fill.run();
        } finally {
            showing = false;
        }
    }

    private static void commitOnFocusLoss(TextInputControl field, Runnable commit) {
        field.focusedProperty().addListener((_, _, focused) -> {
            if (!focused) {
                commit.run();
            }
        });
    }
}
