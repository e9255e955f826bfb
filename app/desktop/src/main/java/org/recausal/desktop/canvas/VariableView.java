package org.recausal.desktop.canvas;

import javafx.css.PseudoClass;
import javafx.geometry.VPos;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.recausal.engine.dag.Role;
import org.recausal.engine.dag.Variable;

/**
 * One variable on the canvas: a rounded box with its name, and the connector ring on the bottom edge
 * (shown on hover) to drag new edges from. Ids from {@link CanvasIds}: {@code node-<name>}, the ring's
 * {@code connector-<name>}.
 * Sizes are fixed in code, not CSS, so edge geometry and hit tests never wait for a CSS pass.
 */
final class VariableView extends Region {
    static final double HEIGHT = 32;
    static final double MIN_WIDTH = 64;
    static final double PADDING = 14;
    static final double RADIUS = 8;
    static final double CONNECTOR_RADIUS = 5;
    /** The font canvas.css gives {@code .variable-name}; used to measure names before CSS runs. */
    static final Font NAME_FONT = Font.font("System", 13);

    static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    static final PseudoClass CONNECT_TARGET = PseudoClass.getPseudoClass("connect-target");
    static final PseudoClass EDITING = PseudoClass.getPseudoClass("editing");

    private static final Text MEASURE = new Text();

    private final Region box = new Region();
    private final Text label = new Text();
    private final Circle connector = new Circle(CONNECTOR_RADIUS);
    private Variable variable;
    private String overlayClass;
    private double centreX;
    private double centreY;
    private double boxWidth;

    VariableView(Variable variable) {
        getStyleClass().add("variable");
        box.getStyleClass().add("box");
        label.getStyleClass().add("variable-name");
        label.setFont(NAME_FONT);
        label.setTextOrigin(VPos.CENTER);
        label.setMouseTransparent(true);
        connector.getStyleClass().add("connector");
        setSnapToPixel(false);
        box.setSnapToPixel(false);
        getChildren().addAll(box, label, connector);
        setManaged(false);
        update(variable);
        moveTo(variable.position().x(), variable.position().y());
    }

    /** Takes the name and role of {@code updated}; the position is applied separately by {@link #moveTo}. */
    void update(Variable updated) {
        Variable before = variable;
        variable = updated;
        if (before == null || !before.name().equals(updated.name())) {
            setId(CanvasIds.node(updated.name()));
            connector.setId(CanvasIds.connector(updated.name()));
            label.setText(updated.name());
            boxWidth = widthFor(updated.name());
            resize(boxWidth, HEIGHT);
            relocate(centreX - boxWidth / 2, centreY - HEIGHT / 2);
        }
        if (before == null || before.role() != updated.role()) {
            if (before != null) {
                getStyleClass().remove(roleClass(before.role()));
            }
            getStyleClass().add(roleClass(updated.role()));
        }
    }

    void moveTo(double x, double y) {
        centreX = x;
        centreY = y;
        relocate(x - boxWidth / 2, y - HEIGHT / 2);
    }

    /** Replaces the overlay's style class; {@code null} removes it. */
    void setOverlayClass(String styleClass) {
        if (java.util.Objects.equals(styleClass, overlayClass)) {
            return; // an unchanged class would still cost a CSS pass
        }
        if (overlayClass != null) {
            getStyleClass().remove(overlayClass);
        }
        overlayClass = styleClass;
        if (styleClass != null) {
            getStyleClass().add(styleClass);
        }
    }

    static String roleClass(Role role) {
        return "role-" + role.id();
    }

    /** Box width for a name: the text plus padding, never narrower than {@link #MIN_WIDTH}. */
    static double widthFor(String name) {
        MEASURE.setFont(NAME_FONT);
        MEASURE.setText(name);
        return Math.max(MIN_WIDTH, Math.ceil(MEASURE.getLayoutBounds().getWidth()) + 2 * PADDING);
    }

    @Override
    protected void layoutChildren() {
        box.resizeRelocate(0, 0, boxWidth, HEIGHT);
        double textWidth = label.getLayoutBounds().getWidth();
        label.relocate((boxWidth - textWidth) / 2, 0);
        label.setLayoutY(HEIGHT / 2);
        connector.setCenterX(boxWidth / 2);
        connector.setCenterY(HEIGHT);
    }

    String name() {
        return variable.name();
    }

    Variable variable() {
        return variable;
    }

    double centreX() {
        return centreX;
    }

    double centreY() {
        return centreY;
    }

    double boxWidth() {
        return boxWidth;
    }

    EdgeGeometry.Box box() {
        return new EdgeGeometry.Box(centreX, centreY, boxWidth, HEIGHT, RADIUS);
    }

    Region boxRegion() {
        return box;
    }

    Text label() {
        return label;
    }
}
