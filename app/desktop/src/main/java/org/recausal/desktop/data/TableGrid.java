package org.recausal.desktop.data;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import org.recausal.engine.data.BooleanColumn;
import org.recausal.engine.data.CategoricalColumn;
import org.recausal.engine.data.Column;
import org.recausal.engine.data.DecimalColumn;
import org.recausal.engine.data.IntegerColumn;
import org.recausal.engine.data.Table;
import org.recausal.engine.data.TimestampColumn;

/**
 * A virtualised grid over a columnar {@link Table}. The rows are the indices 0..n-1 of a list that stores nothing,
 * and each cell reads its value straight from the column's primitive storage by its row index when it scrolls into
 * view, so a table of millions of rows costs the grid only the cells on screen.
 */
public final class TableGrid extends TableView<Integer> {

    static final double ROW_HEIGHT = 24;
    private static final double MIN_WIDTH = 64;
    private static final double MAX_WIDTH = 240;
    /** Rows looked at to size a column to its content. */
    private static final int WIDTH_SAMPLE = 40;
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

    private Table table;
    private Function<Column, Node> headerFactory = TableGrid::defaultHeader;
    private double minColumnWidth = MIN_WIDTH;

    public TableGrid() {
        getStyleClass().add("table-grid");
        setFixedCellSize(ROW_HEIGHT);
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new Label("No data"));
        // Sorting would need a permutation of millions of rows; the grid shows the file's order.
        setSortPolicy(_ -> false);
    }

    /** What each column's header shows; by default its name over its type. Applies from the next table. */
    public void setHeaderFactory(Function<Column, Node> factory) {
        this.headerFactory = factory;
    }

    /** The least width of a value column, for headers that hold more than a name. Applies from the next table. */
    public void setMinColumnWidth(double width) {
        this.minColumnWidth = width;
    }

    /** Shows {@code newTable}, or nothing for null. */
    public void setTable(Table newTable) {
        table = newTable;
        getColumns().clear();
        if (newTable == null) {
            setItems(FXCollections.observableArrayList());
            return;
        }
        List<TableColumn<Integer, Void>> shown = new ArrayList<>();
        shown.add(rowNumberColumn(newTable.rowCount()));
        for (Column column : newTable.columns()) {
            shown.add(valueColumn(column));
        }
        getColumns().setAll(shown);
        setItems(FXCollections.observableList(new RowIndices(newTable.rowCount())));
    }

    public Table table() {
        return table;
    }

    /** Brings the column into view. */
    public void revealColumn(String name) {
        getColumns().stream().filter(c -> name.equals(c.getId())).findFirst().ifPresent(this::scrollToColumn);
    }

    /** The text a cell of the column shows at a row; empty for a missing value. */
    static String cellText(Column column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        return switch (column) {
            case IntegerColumn integers -> Long.toString(integers.get(row));
            case DecimalColumn decimals -> Formats.cell(decimals.get(row));
            case BooleanColumn booleans -> booleans.get(row) ? "true" : "false";
            case TimestampColumn times -> Formats.time(times.epochMillis(row));
            case CategoricalColumn labels -> labels.label(row);
        };
    }

    private TableColumn<Integer, Void> rowNumberColumn(int rows) {
        TableColumn<Integer, Void> number = new TableColumn<>();
        number.getStyleClass().add("row-number-column");
        number.setSortable(false);
        number.setReorderable(false);
        number.setCellFactory(_ -> new RowNumberCell());
        number.setPrefWidth(Math.max(48, 9 * Long.toString(rows).length() + 18));
        return number;
    }

    private TableColumn<Integer, Void> valueColumn(Column column) {
        TableColumn<Integer, Void> shown = new TableColumn<>();
        shown.setId(column.name());
        shown.setGraphic(headerFactory.apply(column));
        shown.setSortable(false);
        shown.setReorderable(false);
        shown.setCellFactory(_ -> new ValueCell(column));
        shown.setPrefWidth(Math.max(minColumnWidth, widthFor(column)));
        return shown;
    }

    private static double widthFor(Column column) {
        int longest = Math.max(column.name().length(), 10);
        for (int row = 0; row < Math.min(WIDTH_SAMPLE, column.size()); row++) {
            longest = Math.max(longest, cellText(column, row).length());
        }
        return Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, 7.5 * longest + 24));
    }

    private static Node defaultHeader(Column column) {
        Label name = new Label(column.name());
        name.getStyleClass().add("grid-header-name");
        Label type = new Label(Formats.type(column.type()));
        type.getStyleClass().add("grid-header-type");
        VBox header = new VBox(0, name, type);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    /** Row indices 0..n-1 without storing them. */
    private static final class RowIndices extends AbstractList<Integer> {
        private final int size;

        RowIndices(int size) {
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            return index;
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** A cell that reads its column at its row index whenever it is reused for another row. */
    private static final class ValueCell extends TableCell<Integer, Void> {
        private final Column column;

        ValueCell(Column column) {
            this.column = column;
            getStyleClass().add(column.type().isNumeric() && !(column instanceof BooleanColumn)
                    ? "numeric-cell" : "text-cell");
        }

        @Override
        protected void updateItem(Void item, boolean empty) {
            super.updateItem(item, empty);
            int row = getIndex();
            if (empty || row < 0 || row >= column.size()) {
                setText(null);
                pseudoClassStateChanged(MISSING, false);
                return;
            }
            boolean missing = column.isMissing(row);
            pseudoClassStateChanged(MISSING, missing);
            setText(missing ? "NA" : cellText(column, row));
        }
    }

    /** 1-based row numbers in the table (not file lines: a header and dropped rows shift those). */
    private static final class RowNumberCell extends TableCell<Integer, Void> {
        RowNumberCell() {
            getStyleClass().add("row-number-cell");
        }

        @Override
        protected void updateItem(Void item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || getIndex() < 0 ? null : Integer.toString(getIndex() + 1));
        }
    }
}
