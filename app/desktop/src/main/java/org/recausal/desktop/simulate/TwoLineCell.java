package org.recausal.desktop.simulate;

import java.util.function.Function;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;

/**
 * A table cell of two lines: a value, and under it in muted type what qualifies it (an interval, the
 * interventions of a scenario), so that narrow tables keep both without cutting either.
 */
final class TwoLineCell<S> extends TableCell<S, S> {

    private final Function<S, String> main;
    private final Function<S, String> sub;
    private final Label top = new Label();
    private final Label bottom = new Label();
    private final VBox lines = new VBox(1, top, bottom);

    TwoLineCell(Function<S, String> main, Function<S, String> sub) {
        this.main = main;
        this.sub = sub;
        getStyleClass().add("two-line-cell");
        top.getStyleClass().add("two-line-main");
        bottom.getStyleClass().add("two-line-sub");
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        top.setText(main.apply(item));
        bottom.setText(sub.apply(item));
        setGraphic(lines);
    }
}
