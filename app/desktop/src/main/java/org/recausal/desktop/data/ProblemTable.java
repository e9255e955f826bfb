package org.recausal.desktop.data;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import org.recausal.engine.data.ImportProblem;

/** The columns of a problems list (line, column, kind, what was found), shared by the import dialog and the panel. */
final class ProblemTable {

    private ProblemTable() {
    }

    static void install(TableView<ImportProblem> table, String placeholder) {
        table.getStyleClass().add("problem-table");
        table.setPlaceholder(new Label(placeholder));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        TableColumn<ImportProblem, String> line = column("Line", 70,
                p -> Formats.count(p.line()));
        line.getStyleClass().add("numeric-column");
        table.getColumns().setAll(List.of(line,
                column("Column", 130, p -> p.column() == null ? "(whole row)" : p.column()),
                column("Kind", 160, p -> p.kind().label()),
                column("What was found", 360, ImportProblem::detail)));
    }

    private static TableColumn<ImportProblem, String> column(String title, double width,
            java.util.function.Function<ImportProblem, String> text) {
        TableColumn<ImportProblem, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setReorderable(false);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }
}
