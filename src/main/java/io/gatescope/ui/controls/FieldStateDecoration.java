package io.gatescope.ui.controls;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Control;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Marks a field ControlsFX's validation finds wrong with AtlantaFX's {@code :danger} state (a red
 * border; {@code :warning} for a warning), drawn by the theme's own rules.
 *
 * <p>Why not ControlsFX's own decorations: they go through its {@code Decorator}, which makes a
 * {@code DecorationPane} the scene's root the first time a validated field enters a scene. In the
 * window that is when the training panel is first shown, and the swap happened in the middle of
 * attaching the panel: the nodes styled in that pass had lost the root that AtlantaFX defines its
 * colours on ({@code -color-fg-muted}, …), and JavaFX logged "Could not resolve …" and
 * "ClassCastException … while converting value for '-fx-background-color'" for each; afterwards the
 * window was no longer its scene's root, so the export dialog and the hover popup, which copy the
 * root's stylesheets and text size, lost them. A pseudo-class changes no tree.
 */
public final class FieldStateDecoration implements ValidationDecoration {
    @Override public void applyValidationDecoration(ValidationMessage message) {
        Control target = message.getTarget();
        target.pseudoClassStateChanged(Styles.STATE_DANGER, message.getSeverity() == Severity.ERROR);
        target.pseudoClassStateChanged(Styles.STATE_WARNING, message.getSeverity() == Severity.WARNING);
    }

    @Override public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        target.pseudoClassStateChanged(Styles.STATE_WARNING, false);
    }

    /** Nothing marks a required field: every setting has a default, so none is required. */
    @Override public void applyRequiredDecoration(Control target) {
    }
}
