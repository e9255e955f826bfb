package org.recausal.desktop.data;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link DataDialogs} that answer from a script and record what they were asked. A question without a scripted
 * answer fails the test. The import dialog is answered by a function of the model: a view-model test runs the
 * import itself, a TestFX test hands it to the real window.
 */
final class ScriptedDataDialogs implements DataDialogs {

    record Question(String dataset, String text, boolean changed) {
    }

    private final Deque<Optional<Path>> files = new ArrayDeque<>();
    private final Deque<RelinkChoice> relinkChoices = new ArrayDeque<>();
    private final Deque<Optional<Path>> relinkFiles = new ArrayDeque<>();
    private final List<Question> relinkQuestions = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private Function<ImportDialogModel, Optional<ImportDialogModel.Imported>> importer;

    synchronized ScriptedDataDialogs answerFile(Path file) {
        files.add(Optional.ofNullable(file));
        return this;
    }

    synchronized ScriptedDataDialogs answerImport(
            Function<ImportDialogModel, Optional<ImportDialogModel.Imported>> answer) {
        importer = answer;
        return this;
    }

    synchronized ScriptedDataDialogs answerRelink(RelinkChoice choice) {
        relinkChoices.add(choice);
        return this;
    }

    synchronized ScriptedDataDialogs answerRelinkFile(Path file) {
        relinkFiles.add(Optional.ofNullable(file));
        return this;
    }

    @Override
    public synchronized Optional<Path> chooseDataFile(Path folder) {
        return next(files, "choose a data file");
    }

    @Override
    public Optional<ImportDialogModel.Imported> showImport(ImportDialogModel model) {
        Function<ImportDialogModel, Optional<ImportDialogModel.Imported>> answer;
        synchronized (this) {
            answer = importer;
        }
        if (answer == null) {
            throw new AssertionError("unexpected dialog: import " + model.fileProperty().get());
        }
        return answer.apply(model);
    }

    @Override
    public synchronized RelinkChoice askRelink(String dataset, String whatHappened, boolean changed) {
        relinkQuestions.add(new Question(dataset, whatHappened, changed));
        return next(relinkChoices, "relink " + dataset);
    }

    @Override
    public synchronized Optional<Path> chooseRelinkFile(String dataset, String expectedName, Path folder) {
        return next(relinkFiles, "locate " + expectedName);
    }

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(title + ": " + message);
    }

    synchronized List<Question> relinkQuestions() {
        return List.copyOf(relinkQuestions);
    }

    synchronized List<String> errors() {
        return List.copyOf(errors);
    }

    private static <T> T next(Deque<T> answers, String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected dialog: " + question);
        }
        return answers.poll();
    }
}
