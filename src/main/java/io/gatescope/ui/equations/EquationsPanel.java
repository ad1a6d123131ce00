package io.gatescope.ui.equations;

import io.gatescope.chart.EquationSheet;
import io.gatescope.chart.Notation;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.Quantities;
import io.gatescope.ui.model.TraceCursor;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * The cell's equations in the chosen notation, and below them the selected unit's equations at the
 * current step with every number filled in: the bridge from the colours to the arithmetic. Without
 * a selection it shows unit 0 and says how to pick another.
 *
 * <p>It is the {@link EquationSheet} chart on a canvas, the drawing an export writes, broken to
 * the panel's width. While the diagram walks through a step the equation being computed is
 * highlighted and scrolled into view.
 */
public final class EquationsPanel extends ScrollPane {
    public static final String STYLE_CLASS = "equations-panel";
    private static final String HINT = "click any unit to choose another";

    private final AppModel app;
    private final ChartCanvas canvas;

    public EquationsPanel(AppModel app) {
        this.app = app;
        getStyleClass().add(STYLE_CLASS);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        canvas = new ChartCanvas(this::sheet);
        canvas.setAccessibleText("Equations");
        setContent(canvas);
        app.cursorProperty().addListener((o, a, c) -> refresh());
        app.chartStyleBinding().addListener((o, a, s) -> refresh());
        app.modelProperty().addListener((o, a, m) -> refresh());
        viewportBoundsProperty().addListener((o, a, b) -> {
            if (a == null || a.getWidth() != b.getWidth()) refresh();
        });
        MenuItem copy = new MenuItem("Copy equations");
        copy.setOnAction(e -> {
            EquationSheet sheet = sheet();
            if (sheet == null) return;
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", sheet.allText()));
            Clipboard.getSystemClipboard().setContent(content);
        });
        setContextMenu(new ContextMenu(copy));
        setTooltip(new Tooltip("Right-click to copy the equations (with _ and ^ marking sub- and superscripts)"));
    }

    /** The canvas the sheet is drawn on (what Export… writes). */
    public ChartCanvas canvas() { return canvas; }

    /** The plain text of the vector equations, in order (what a user reads). */
    public List<String> equationTexts() {
        EquationSheet s = sheet();
        return s == null ? List.of() : s.vectorEquations().stream().map(Notation::plain).toList();
    }

    /** The plain text of the unit equations with numbers, in order. */
    public List<String> unitEquationTexts() {
        EquationSheet s = sheet();
        return s == null ? List.of() : s.unitEquations().stream().map(Notation::plain).toList();
    }

    /** The plain text of the unit equations highlighted as being computed at the current sub-step. */
    public List<String> currentEquationTexts() {
        EquationSheet s = sheet();
        return s == null ? List.of() : s.currentEquations().stream().map(Notation::plain).toList();
    }

    /** The sheet for the current step, sub-step, unit and look; null before the first trace. */
    private EquationSheet sheet() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return null;
        boolean peepholes = Quantities.peepholes(app.modelProperty().get(), c);
        boolean chosen = app.selectedUnitProperty().get() >= 0;
        return EquationSheet.of(c.trace(), c.layer(), peepholes, app.chartStyleBinding().get(), chosen ? null : HINT);
    }

    /** Sizes the canvas to the sheet at the viewport's width and brings the highlighted equation into view. */
    private void refresh() {
        EquationSheet sheet = sheet();
        if (sheet == null) return;
        double width = getViewportBounds() == null ? 0 : getViewportBounds().getWidth();
        if (width < 1) width = sheet.preferredSize().width();
        double height = sheet.heightFor(width);
        canvas.setPrefHeight(height);
        canvas.setMinHeight(height);
        canvas.invalidate();
        sheet.currentBounds(width).ifPresent(r -> scrollTo(r.getMinY(), r.getMaxY(), height));
    }

    /** Scrolls the least that shows the band from {@code top} to {@code bottom} of a sheet {@code height} tall. */
    private void scrollTo(double top, double bottom, double height) {
        Bounds view = getViewportBounds();
        double visible = view.getHeight();
        double scrollable = height - visible;
        if (scrollable <= 0) return;
        double offset = getVvalue() * scrollable;
        if (top < offset) offset = top;
        else if (bottom > offset + visible) offset = Math.min(top, bottom - visible);
        setVvalue(Math.max(0, Math.min(1, offset / scrollable)));
    }
}
