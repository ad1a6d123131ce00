package io.gatescope.ui.input;

import atlantafx.base.theme.Styles;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.task.AdditionTask;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.model.LoadedModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The input row. For an addition model: a text field validated on every keystroke, the task's own
 * message beside it when the input is wrong (the last valid trace stays on screen), and the model's
 * answer when it is right. For any other model: the {@link SequenceBar}.
 */
public final class InputBar extends HBox {
    public static final String STYLE_CLASS = "input-bar";
    public static final String MESSAGE = "input-message";
    public static final String ANSWER = "input-answer";
    public static final String FIELD_ID = "additionInput";
    public static final String MESSAGE_ID = "inputMessage";
    public static final String ANSWER_ID = "modelAnswer";

    private final AppModel app;
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final Label answer = new Label();

    public InputBar(AppModel app) {
        this.app = app;
        getStyleClass().add(STYLE_CLASS);
        setAlignment(Pos.CENTER_LEFT);

        Label caption = new Label("_Input");
        caption.setMnemonicParsing(true);
        caption.setLabelFor(field);
        field.setId(FIELD_ID);
        field.setPrefColumnCount(6);
        field.setPromptText("67+60");
        field.setTooltip(new Tooltip("Two numbers from 0 to 99 joined by '+', e.g. 67+60. The trace updates as you type."));
        field.textProperty().bindBidirectional(app.inputTextProperty());
        field.setAccessibleText("Addition input");
        // With large text the feedback beside them gives way, never the field or its caption.
        field.setMinWidth(USE_PREF_SIZE);
        caption.setMinWidth(USE_PREF_SIZE);

        message.setId(MESSAGE_ID);
        message.getStyleClass().addAll(MESSAGE, Styles.DANGER);
        message.setWrapText(true);
        message.setMinWidth(0);
        message.textProperty().bind(app.inputErrorProperty());
        message.visibleProperty().bind(app.inputErrorProperty().isNotEmpty());
        app.inputErrorProperty().addListener((o, a, error) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, !error.isEmpty()));

        answer.setId(ANSWER_ID);
        answer.getStyleClass().add(ANSWER);
        answer.setMinWidth(0);
        answer.visibleProperty().bind(message.visibleProperty().not());
        answer.textProperty().bind(Bindings.createStringBinding(this::answerText, app.traceProperty()));

        StackPane feedback = new StackPane(answer, message);
        feedback.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(feedback, Priority.ALWAYS);

        HBox addition = new HBox(caption, field, feedback);
        addition.getStyleClass().add("input-row");
        addition.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(addition, Priority.ALWAYS);
        SequenceBar sequence = new SequenceBar(app);
        HBox.setHgrow(sequence, Priority.ALWAYS);

        boolean[] first = {true};
        app.modelProperty().addListener((o, old, m) -> {
            boolean isAddition = m instanceof LoadedModel.Addition;
            if (first[0] || isAddition != (old instanceof LoadedModel.Addition)) {
                getChildren().setAll(isAddition ? addition : sequence);
                first[0] = false;
            }
        });
    }

    /** The field, for focusing from the keyboard shortcut. */
    public TextField field() { return field; }

    /** "Model answers 00127 · expected 00127 ✓" — what the decoder predicted, next to the truth. */
    private String answerText() {
        ModelTrace t = app.traceProperty().get();
        if (t == null || !t.hasDecoder() || !(app.modelProperty().get() instanceof LoadedModel.Addition a)) return "";
        String predicted = String.join("", t.outputLabels());
        AdditionTask.Example example = app.tracedExampleProperty().get();
        if (example == null) return "answers " + predicted;
        String expected = example.target();
        return "reads " + example.asRead(a.reversed()) + "  ·  answers " + predicted + "  ·  expected " + expected
                + (predicted.equals(expected) ? "  ✓ correct" : "  ✗ wrong");
    }
}
