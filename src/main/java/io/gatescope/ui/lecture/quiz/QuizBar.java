package io.gatescope.ui.lecture.quiz;

import atlantafx.base.theme.Styles;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.KeyBindings;
import io.gatescope.ui.WindowHooks;
import io.gatescope.engine.GradientProfile;
import io.gatescope.train.Comparison;
import io.gatescope.train.Trainer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Predict before reveal. While it is on, → (next step) and ↓ (next sub-step) first ask a question about
 * what they will show; A and B count the class's votes (or the student's one); → or ↓ again reveals,
 * and the running score counts the majority's answer. Q turns it on and off; off, the keys are as
 * always. A sub-step that computes no gate is revealed without a question, so the walk stays calm.
 * In the gradients view the question is about the gradient profile, whose charts stay covered until
 * → reveals them; pressing Compare in the training panel asks which cell gets there first, revealed
 * when the comparison's results are in.
 */
public final class QuizBar extends HBox {
    public static final String QUESTION_ID = "quizQuestion";
    public static final String VOTES_ID = "quizVotes";
    public static final String SCORE_ID = "quizScore";

    private final AppModel app;
    private final WindowHooks window;
    private final BooleanSupplier lectureOpen;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final Label question = new Label();
    private final Label votes = new Label();
    private final Label score = new Label();
    private Question pending;
    private Runnable move;
    private int votesA, votesB, right, asked;
    /** Ask about the gradient profile as soon as the gradients view shows one. */
    private boolean askGradients;

    public QuizBar(WindowHooks window, BooleanSupplier lectureOpen) {
        this.window = window;
        this.lectureOpen = lectureOpen;
        this.app = window.app();
        getStyleClass().add("quiz-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        question.setId(QUESTION_ID);
        question.getStyleClass().add(Styles.TITLE_4);
        question.setWrapText(true);
        question.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(question, Priority.ALWAYS);
        votes.setId(VOTES_ID);
        score.setId(SCORE_ID);
        score.getStyleClass().add(Styles.TEXT_MUTED);
        score.setMinWidth(USE_PREF_SIZE);
        votes.setMinWidth(USE_PREF_SIZE);
        getChildren().addAll(new Label("Predict:"), question, votes, score);
        visibleProperty().bind(on);
        managedProperty().bind(visibleProperty());
        on.addListener((o, a, now) -> {
            pending = null;
            window.gradients().setConcealed(false);
            show("Press → or ↓: a question comes before the next step is revealed.");
            if (now && inGradients()) askAboutGradients();
        });
        window.gradients().onStudyShown(() -> {
            if (askGradients) askAboutGradients();
        });
        window.viewProperty().addListener((o, a, view) -> {
            if (a == window.gradients() && pending != null && pending.answered()) {
                pending = null;                    // the question was about the view just left
                window.gradients().setConcealed(false);
                show("");
            }
            if (on.get() && view == window.gradients()) askAboutGradients();
        });
        window.training().beforeCompare(config -> {
            if (on.get()) ask(Question.forComparison(config), () -> { });
        });
        // The results arrive model by model; the answer is known when the comparison has ended.
        window.training().comparisonProperty().addListener((o, was, running) -> {
            if (running == null && pending != null && !pending.answered() && !window.training().comparisonResults().isEmpty()) {
                pending = Question.comparisonAnswer(pending, epochsToTarget(window.training().comparisonResults()));
                reveal();
            }
        });

        KeyBindings keys = window.keys();
        keys.add(KeyBindings.Section.LECTURE, "Predict before reveal on or off", () -> on.set(!on.get()), KeyBindings.key(KeyCode.Q));
        keys.addFirst(new KeyBindings.Binding(KeyBindings.Section.LECTURE, List.of(KeyBindings.key(KeyCode.RIGHT)),
                "Predict mode: ask about the next step, then reveal it", false, on::get, this::nextStep));
        keys.addFirst(new KeyBindings.Binding(KeyBindings.Section.LECTURE, List.of(KeyBindings.key(KeyCode.DOWN)),
                "Predict mode: ask about the next sub-step, then reveal it", false, on::get, this::nextSubStep));
        // PageDown (a presenter remote) asks too, unless an open lecture uses it to move between scenes.
        keys.addFirst(new KeyBindings.Binding(KeyBindings.Section.LECTURE, List.of(KeyBindings.key(KeyCode.PAGE_DOWN)),
                "Predict mode: ask about the next sub-step (no lecture open)", false,
                () -> on.get() && !lectureOpen.getAsBoolean(), this::nextSubStep));
        keys.addFirst(new KeyBindings.Binding(KeyBindings.Section.LECTURE, List.of(KeyBindings.key(KeyCode.A)),
                "Predict mode: a vote for A", false, () -> pending != null, () -> vote(true)));
        keys.addFirst(new KeyBindings.Binding(KeyBindings.Section.LECTURE, List.of(KeyBindings.key(KeyCode.B)),
                "Predict mode: a vote for B", false, () -> pending != null, () -> vote(false)));
    }

    /** Whether predict-before-reveal is on (the Q key). */
    public BooleanProperty onProperty() { return on; }

    /** The question waiting for votes, or null. */
    public Question pending() { return pending; }

    /** Right answers and questions asked so far. */
    public int right() { return right; }

    public int asked() { return asked; }

    private void nextStep() {
        if (pending != null) {
            reveal();
            return;
        }
        if (inGradients()) {
            askAboutGradients();
            return;
        }
        var c = app.cursorProperty().get();
        if (c == null) return;
        int t = app.stepProperty().get() + 1;
        if (t >= app.totalSteps()) return;
        ask(Question.forStep(c.trace(), t, app.layerProperty().get(), app.selectedUnitProperty().get(),
                app.view().notationProperty().get()), () -> app.stepBy(1));
    }

    private void nextSubStep() {
        if (pending != null || inGradients()) {
            nextStep();
            return;
        }
        var c = app.cursorProperty().get();
        if (c == null) return;
        int count = window.cell().subStepCount(), sub = app.subStepProperty().get(), t = app.stepProperty().get();
        int next = sub == AppModel.WHOLE_STEP ? 0 : sub + 1;
        Runnable go = () -> app.nextSubStep(count);
        if (next >= count) {
            go.run();                              // the next step's inputs: nothing to predict
            return;
        }
        Question q = Question.forSubStep(c.trace(), t, next, app.layerProperty().get(), app.selectedUnitProperty().get(),
                app.view().notationProperty().get());
        if (q == null) go.run();
        else ask(q, go);
    }

    private boolean inGradients() { return window.viewProperty().get() == window.gradients(); }

    /** Covers the gradient charts and asks about the profile on screen (or as soon as one is). */
    private void askAboutGradients() {
        GradientProfile p = window.gradients().askedProfile();
        askGradients = p == null;
        if (p == null || pending != null) return;
        window.gradients().setConcealed(true);
        ask(Question.forGradient(p), () -> window.gradients().setConcealed(false));
    }

    /** Per cell, the epochs it trained until it reached the comparison's target (NaN: it never did). */
    private static Map<String, Double> epochsToTarget(List<Comparison.Result> results) {
        Map<String, Double> out = new HashMap<>();
        for (Comparison.Result r : results) {
            out.put(r.cell(), r.last().state() == Trainer.State.TARGET_REACHED ? r.last().epochProgress() : Double.NaN);
        }
        return out;
    }

    private void ask(Question q, Runnable then) {
        pending = q;
        move = then;
        votesA = votesB = 0;
        question.setText(q.text());
        showVotes();
    }

    private void vote(boolean a) {
        if (a) votesA++; else votesB++;
        showVotes();
    }

    private void reveal() {
        Question q = pending;
        if (!q.answered()) {
            question.setText(q.text() + "  (the answer comes when the comparison's results are in)");
            return;
        }
        pending = null;
        move.run();
        boolean voted = votesA + votesB > 0;
        String verdict = "";
        if (voted && q.answerA() != null) {            // a question neither choice answers is not scored
            asked++;
            boolean saidA = votesA >= votesB;
            boolean ok = saidA == q.answerA();
            if (ok) right++;
            verdict = ok ? "  ✓ right" : "  ✗ not this time";
        }
        question.setText((q.answerA() == null ? "" : (q.answerA() ? q.a() : q.b()) + " — ") + q.reveal() + verdict);
        votes.setText(voted ? "A " + votesA + " · B " + votesB : "");
        score.setText("score " + right + " / " + asked);
    }

    private void showVotes() {
        votes.setText("A: " + pending.a() + " (" + votesA + ")   B: " + pending.b() + " (" + votesB + ")   → reveals");
        score.setText("score " + right + " / " + asked);
    }

    private void show(String text) {
        question.setText(text);
        votes.setText("");
        score.setText("score " + right + " / " + asked);
    }
}
