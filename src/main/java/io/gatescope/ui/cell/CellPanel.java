package io.gatescope.ui.cell;

import io.gatescope.chart.CellDiagram;
import io.gatescope.chart.DiagramPart;
import io.gatescope.chart.Notation;
import io.gatescope.chart.Quantity;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.Quantities;
import io.gatescope.ui.model.TraceCursor;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The cell at the current step, drawn as lectures draw it, with the sub-step controls that reveal
 * the flow one key press at a time (Down/PageDown forward, Up/PageUp back). Hovering a gate or
 * state shows its value; with a unit selected, also that unit's equation with the numbers filled in.
 */
public final class CellPanel {
    public static final String SUBSTEP_LABEL_ID = "subStepLabel";
    public static final String LAYER_ID = "layerPicker";

    private final AppModel app;
    private final ChartCanvas canvas;
    private final HBox controls = new HBox();

    public CellPanel(AppModel app) {
        this.app = app;
        canvas = new ChartCanvas(this::diagram);
        canvas.setMinSize(0, 0);
        canvas.setShrinkToFit(true);
        canvas.setOnHover((chart, p) -> ((CellDiagram) chart).elementAt(p.getX(), p.getY())
                .map(part -> describe((CellDiagram) chart, part)).orElse(null));
        canvas.setHoverArea((chart, p) -> ((CellDiagram) chart).elementAt(p.getX(), p.getY())
                .flatMap(((CellDiagram) chart)::bounds).orElse(null));
        canvas.setHoverNeighbours(chart -> ((CellDiagram) chart).partBounds());
        canvas.setOnChartClick((chart, p) -> canvas.requestFocus());
        canvas.setFocusTraversable(true);
        canvas.setAccessibleText("Cell diagram");
        app.cursorProperty().addListener((o, a, c) -> canvas.invalidate());
        app.chartStyleBinding().addListener((o, a, s) -> canvas.invalidate());
        app.modelProperty().addListener((o, a, m) -> canvas.invalidate());

        Button back = new Button("▲");
        back.setTooltip(new Tooltip("Previous sub-step (Up or PageUp)"));
        back.setOnAction(e -> app.previousSubStep(subStepCount()));
        Button next = new Button("▼");
        next.setTooltip(new Tooltip("Next sub-step: reveal the flow through the cell one stage at a time (Down or PageDown)"));
        next.setOnAction(e -> app.nextSubStep(subStepCount()));
        Label subStep = new Label();
        subStep.setId(SUBSTEP_LABEL_ID);
        subStep.textProperty().bind(Bindings.createStringBinding(this::subStepText, app.subStepProperty(), app.cursorProperty(),
                app.view().notationProperty()));

        Spinner<Integer> layer = new Spinner<>(0, 64, 0);
        layer.setId(LAYER_ID);
        layer.setPrefWidth(80);
        layer.setTooltip(new Tooltip("Which layer of the stack to show"));
        layer.valueProperty().addListener((o, a, k) -> app.setLayer(k));
        app.layerProperty().addListener((o, a, k) -> layer.getValueFactory().setValue(k.intValue()));
        Label layerCaption = new Label("Layer");
        app.traceProperty().addListener((o, a, t) -> {
            boolean many = app.layerCount() > 1;
            ((javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) layer.getValueFactory())
                    .setMax(Math.max(0, app.layerCount() - 1));
            layer.setVisible(many);
            layer.setManaged(many);
            layerCaption.setVisible(many);
            layerCaption.setManaged(many);
        });
        controls.getChildren().addAll(layerCaption, layer, subStep, back, next);
        controls.setAlignment(Pos.CENTER_RIGHT);
        controls.setSpacing(6);
    }

    public ChartCanvas canvas() { return canvas; }

    /** The header controls: layer picker and sub-step buttons. */
    public HBox controls() { return controls; }

    /** The height the diagram needs to be drawn at full size: its minimum, in px (0 before a trace). */
    public double neededHeight() {
        CellDiagram d = diagram();
        return d == null ? 0 : d.minimumSize().height();
    }

    /** How many sub-steps the current cell kind has (inputs first). */
    public int subStepCount() {
        TraceCursor c = app.cursorProperty().get();
        return c == null ? 1 : c.kind().anatomy().subStepCount();
    }

    private CellDiagram diagram() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return null;
        boolean peepholes = Quantities.peepholes(app.modelProperty().get(), c);
        return CellDiagram.of(c.trace(), c.layer(), peepholes, app.chartStyleBinding().get());
    }

    private String subStepText() {
        TraceCursor c = app.cursorProperty().get();
        int s = app.subStepProperty().get();
        if (c == null) return "";
        if (s == AppModel.WHOLE_STEP) return "Whole step";
        int n = c.kind().anatomy().subStepCount();
        Notation notation = app.view().notationProperty().get();
        return "Sub-step " + (s + 1) + "/" + n + ": " + notation.subStepName(c.kind(), Math.min(s, n - 1));
    }

    private String describe(CellDiagram chart, DiagramPart part) {
        String text = chart.describe(part);
        TraceCursor c = app.cursorProperty().get();
        int unit = app.selectedUnitProperty().get();
        Quantity q = switch (part.type()) {
            case GATE -> Quantity.gate(part.block());
            case CELL_STATE -> Quantity.cellState();
            case HIDDEN_STATE -> Quantity.hiddenState();
            default -> null;
        };
        if (q == null) return text;
        if (unit < 0) return text + "\nClick a unit in the strips or heatmaps to see its equation here.";
        Notation n = app.view().notationProperty().get();
        return Quantities.describeUnit(n, c, q, unit, Quantities.peepholes(app.modelProperty().get(), c));
    }
}
