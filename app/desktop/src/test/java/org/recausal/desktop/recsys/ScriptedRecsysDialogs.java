package org.recausal.desktop.recsys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.recausal.desktop.dialog.ExportFormat;

/** Answers the recommender views' dialogs from a script and records the errors shown. */
final class ScriptedRecsysDialogs implements RecsysDialogs {
    Function<TrainDialogModel, Optional<TrainSettings>> train = m -> Optional.ofNullable(m.settings());
    Path open;
    Path save;
    Path export;
    final List<String> errors = new ArrayList<>();

    @Override
    public Optional<TrainSettings> showTrain(TrainDialogModel model) {
        return train.apply(model);
    }

    @Override
    public Optional<Path> chooseModelToOpen() {
        return Optional.ofNullable(open);
    }

    @Override
    public Optional<Path> chooseModelToSave(String suggestedName) {
        return Optional.ofNullable(save);
    }

    @Override
    public Optional<Path> chooseExportFile(ExportFormat format, String suggestedName) {
        return Optional.ofNullable(export);
    }

    @Override
    public void showError(String title, String message) {
        errors.add(title + ": " + message);
    }
}
