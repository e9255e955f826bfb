package org.recausal.desktop.query;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.IndexedCheckModel;

/**
 * Keeps a {@link CheckComboBox} of variable names in step with the view-model: its items follow the
 * graph's names, its checks follow the model, and only the analyst's own clicks go back to the model.
 */
final class CheckedNames {
    private final CheckComboBox<String> box;
    private final String emptyTitle;
    private final boolean listChecked;
    private boolean syncing;

    private CheckedNames(CheckComboBox<String> box, String emptyTitle, boolean listChecked) {
        this.box = box;
        this.emptyTitle = emptyTitle;
        this.listChecked = listChecked;
    }

    /**
     * @param title       what the box says when nothing is checked, or always when not {@code listChecked}
     * @param listChecked whether the box shows the checked names (else another control shows them)
     * @param picked      called with the checked names after each click of the analyst
     */
    static CheckedNames bind(CheckComboBox<String> box, ObservableList<String> names, String title,
            boolean listChecked, Consumer<List<String>> picked) {
        CheckedNames sync = new CheckedNames(box, title, listChecked);
        box.getItems().setAll(names);
        names.addListener((ListChangeListener<String>) change -> {
            List<String> checked = List.copyOf(box.getCheckModel().getCheckedItems());
            // The check model keeps indices: clear them while they still point into the old items.
            sync.quietly(() -> {
                box.getCheckModel().clearChecks();
                box.getItems().setAll(names);
            });
            sync.show(checked);
        });
        // Registered before the box's skin exists, so the title is right before the skin redraws.
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            if (!sync.syncing) {
                sync.updateTitle(!box.getCheckModel().getCheckedItems().isEmpty());
                picked.accept(List.copyOf(box.getCheckModel().getCheckedItems()));
            }
        });
        sync.updateTitle(false);
        return sync;
    }

    /** Checks exactly {@code names}, without telling the model. */
    void show(Collection<String> names) {
        IndexedCheckModel<String> model = box.getCheckModel();
        List<String> present = names.stream().filter(box.getItems()::contains).toList();
        if (model.getCheckedItems().size() == present.size() && model.getCheckedItems().containsAll(present)) {
            return;
        }
        // The skin redraws its text on check changes only: set the title first.
        updateTitle(!present.isEmpty());
        quietly(() -> {
            model.clearChecks();
            present.forEach(model::check);
        });
    }

    private void quietly(Runnable action) {
        syncing = true;
        try {
            action.run();
        } finally {
            syncing = false;
        }
    }

    private void updateTitle(boolean anyChecked) {
        // A null title lets the box list the checked names itself.
        box.setTitle(listChecked && anyChecked ? null : emptyTitle);
    }
}
