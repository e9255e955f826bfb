package org.recausal.desktop.query;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/** Ctrl+C and a Copy / Copy all context menu on a result list: the selected rows, or all when none is selected. */
final class CopyableList {
    static final KeyCombination COPY = KeyCombination.keyCombination("Shortcut+C");

    private CopyableList() {
    }

    static <T> void install(ListView<T> list, Function<List<T>, String> text, Consumer<String> clipboard) {
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(COPY);
        copy.setOnAction(event -> clipboard.accept(text.apply(chosen(list))));
        MenuItem copyAll = new MenuItem("Copy all");
        copyAll.setOnAction(event -> clipboard.accept(text.apply(List.copyOf(list.getItems()))));
        ContextMenu menu = new ContextMenu(copy, copyAll);
        menu.setOnShowing(event -> {
            copy.setDisable(list.getItems().isEmpty());
            copyAll.setDisable(list.getItems().isEmpty());
        });
        list.setContextMenu(menu);
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (COPY.match(event)) {
                if (!list.getItems().isEmpty()) {
                    clipboard.accept(text.apply(chosen(list)));
                }
                event.consume();
            }
        });
    }

    private static <T> List<T> chosen(ListView<T> list) {
        List<T> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
        return selected.isEmpty() ? List.copyOf(list.getItems()) : selected;
    }
}
