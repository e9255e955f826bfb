package org.recausal.desktop.testing;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.recausal.desktop.dialog.DialogService;
import org.recausal.desktop.dialog.ExportFormat;
import org.recausal.desktop.dialog.GraphExportChoice;
import org.recausal.desktop.dialog.SaveChoice;
import org.recausal.engine.io.GraphFormat;

/**
 * A {@link DialogService} that answers from a script and records what it was shown. A question with no
 * scripted answer fails the test, so a test also proves which dialogs did not appear.
 */
public final class ScriptedDialogs implements DialogService {
    /** One error or information box as shown. */
    public record Message(String title, String text) {
    }

    private final Deque<Optional<Path>> openAnswers = new ArrayDeque<>();
    private final Deque<Optional<Path>> saveAnswers = new ArrayDeque<>();
    private final Deque<Optional<Path>> exportAnswers = new ArrayDeque<>();
    private final Deque<SaveChoice> saveChoices = new ArrayDeque<>();
    private final Deque<Optional<Path>> importAnswers = new ArrayDeque<>();
    private final Deque<Optional<Path>> modelAnswers = new ArrayDeque<>();
    private final Deque<Optional<GraphExportChoice>> graphExportAnswers = new ArrayDeque<>();
    private final List<Message> errors = new ArrayList<>();
    private final List<Message> information = new ArrayList<>();
    private final List<String> suggestedNames = new ArrayList<>();
    private final List<String> questionsAsked = new ArrayList<>();

    public synchronized ScriptedDialogs answerOpen(Path file) {
        openAnswers.add(Optional.ofNullable(file));
        return this;
    }

    public synchronized ScriptedDialogs answerSave(Path file) {
        saveAnswers.add(Optional.ofNullable(file));
        return this;
    }

    public synchronized ScriptedDialogs answerExport(Path file) {
        exportAnswers.add(Optional.ofNullable(file));
        return this;
    }

    public synchronized ScriptedDialogs answerImport(Path file) {
        importAnswers.add(Optional.ofNullable(file));
        return this;
    }

    public synchronized ScriptedDialogs answerModel(Path file) {
        modelAnswers.add(Optional.ofNullable(file));
        return this;
    }

    /** Answers the next graph export with {@code file} in {@code format}; a null file cancels. */
    public synchronized ScriptedDialogs answerGraphExport(Path file, GraphFormat format) {
        graphExportAnswers.add(Optional.ofNullable(file).map(chosen -> new GraphExportChoice(chosen, format)));
        return this;
    }

    public synchronized ScriptedDialogs answerSaveChanges(SaveChoice choice) {
        saveChoices.add(choice);
        return this;
    }

    @Override
    public synchronized Optional<Path> chooseProjectToOpen(Path folder) {
        return next(openAnswers, "open a project");
    }

    @Override
    public synchronized Optional<Path> chooseProjectSaveFile(String suggestedName, Path folder) {
        suggestedNames.add(suggestedName);
        return next(saveAnswers, "save as " + suggestedName);
    }

    @Override
    public synchronized Optional<Path> chooseExportFile(ExportFormat format, String suggestedName, Path folder) {
        suggestedNames.add(suggestedName);
        return next(exportAnswers, "export as " + suggestedName);
    }

    @Override
    public synchronized Optional<Path> chooseGraphToImport(Path folder) {
        return next(importAnswers, "import a graph");
    }

    @Override
    public synchronized Optional<Path> chooseModelToOpen(Path folder) {
        return next(modelAnswers, "open a recommender model");
    }

    @Override
    public synchronized Optional<GraphExportChoice> chooseGraphExport(List<GraphFormat> formats, String suggestedName,
            Path folder) {
        suggestedNames.add(suggestedName);
        return next(graphExportAnswers, "export the graph as " + suggestedName);
    }

    @Override
    public synchronized SaveChoice askSaveChanges(String projectName) {
        questionsAsked.add(projectName);
        return next(saveChoices, "save changes to " + projectName);
    }

    @Override
    public synchronized void showError(String title, String message) {
        errors.add(new Message(title, message));
    }

    @Override
    public synchronized void showInformation(String title, String header, String message) {
        information.add(new Message(header, message));
    }

    public synchronized List<Message> errors() {
        return List.copyOf(errors);
    }

    public synchronized List<Message> information() {
        return List.copyOf(information);
    }

    /** Names suggested by save and export choosers, in order. */
    public synchronized List<String> suggestedNames() {
        return List.copyOf(suggestedNames);
    }

    /** Projects whose unsaved changes were asked about, in order. */
    public synchronized List<String> saveQuestions() {
        return List.copyOf(questionsAsked);
    }

    /** True when every scripted answer was used. */
    public synchronized boolean scriptUsedUp() {
        return openAnswers.isEmpty() && saveAnswers.isEmpty() && exportAnswers.isEmpty() && saveChoices.isEmpty()
                && importAnswers.isEmpty() && graphExportAnswers.isEmpty() && modelAnswers.isEmpty();
    }

    private static <T> T next(Deque<T> answers, String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("unexpected dialog: " + question);
        }
        return answers.poll();
    }
}
