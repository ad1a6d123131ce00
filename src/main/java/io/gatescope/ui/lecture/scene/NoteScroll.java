package io.gatescope.ui.lecture.scene;

import java.util.Collections;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextBoundsType;

/**
 * The scene's note: as tall as its wrapped text, up to {@link #PRESENTER_LINES} lines in presenter
 * mode and {@link #DESK_LINES} at the desk, and a scroll bar for the rest. A long note must not take
 * the unrolled strip's height on a 720 px projector (presenter mode arranges the panels in what the
 * bars leave), nor shrink its text below the bars' 20 px.
 */
final class NoteScroll extends ScrollPane {
    /**
     * The lines a note shows at once in presenter mode: the shipped lecture's notes take two at 1280 px, and with the what-if
     * bar holding a gate (its answer on a second line) and the question bar open, two leave the strip its
     * room on a 720 px projector, where three do not.
     */
    static final int PRESENTER_LINES = 2;
    /** At the desk the panels' dividers give way instead: a shipped note takes three lines at 1280 px there. */
    static final int DESK_LINES = 4;
    static final String STYLE_CLASS = "scene-note-scroll";

    private final Label note;
    private final ObservableBooleanValue presenter;

    NoteScroll(Label note, ObservableBooleanValue presenter) {
        super(note);
        this.note = note;
        this.presenter = presenter;
        presenter.addListener((o, was, on) -> requestLayout());
        getStyleClass().add(STYLE_CLASS);
        note.setAlignment(Pos.TOP_LEFT);      // the first lines in the window, the rest below it
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        // The keys stay the window's (↑ and ↓ walk the sub-steps): the wheel or the bar scrolls the note.
        setFocusTraversable(false);
        setMaxWidth(Double.MAX_VALUE);
        // no taller than its text: the bar centres a one-line note beside its buttons, as it did the label
        setMaxHeight(USE_PREF_SIZE);
    }

    /** Like the wrapped label it holds, its height follows the width it is given. */
    @Override public Orientation getContentBias() { return Orientation.HORIZONTAL; }

    @Override protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : Math.max(0, width - in.getLeft() - in.getRight());
        return Math.min(note.prefHeight(inner), capHeight()) + in.getTop() + in.getBottom();
    }

    /** The height of as many lines as this mode shows, in the note's font, with the note's padding. */
    double capHeight() {
        Text lines = new Text(String.join("\n", Collections.nCopies(presenter.get() ? PRESENTER_LINES : DESK_LINES, "Xg")));
        lines.setFont(note.getFont());
        lines.setLineSpacing(note.getLineSpacing());
        // as a label sets its text: its lines are taller than a plain Text's logical bounds (25 px, not 23.3, at 20 px)
        lines.setBoundsType(TextBoundsType.LOGICAL_VERTICAL_CENTER);
        Insets padding = note.getInsets();
        return Math.ceil(lines.getLayoutBounds().getHeight()) + padding.getTop() + padding.getBottom();
    }
}
