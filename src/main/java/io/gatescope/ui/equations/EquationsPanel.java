package io.gatescope.ui.equations;

import io.gatescope.chart.Equations;
import io.gatescope.chart.Notation;
import io.gatescope.chart.Quantity;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.controls.RichText;
import io.gatescope.ui.model.Quantities;
import io.gatescope.ui.model.TraceCursor;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * The cell's equations in the chosen notation, and below them the selected unit's equations at the
 * current step with every number filled in: the bridge from the colours to the arithmetic.
 * Without a selection it shows unit 0 and says how to pick another.
 */
public final class EquationsPanel extends ScrollPane {
    public static final String STYLE_CLASS = "equations-panel";
    public static final String EQUATION = "equation";
    public static final String UNIT_EQUATION = "unit-equation";
    public static final String CAPTION = "equations-caption";

    private final AppModel app;
    private final VBox box = new VBox();
    private final List<TextFlow> vectorLines = new ArrayList<>();
    private final List<TextFlow> unitLines = new ArrayList<>();
    private final List<String> richLines = new ArrayList<>();
    private final List<Integer> unitSubSteps = new ArrayList<>();
    private String shownTitle;
    private List<String> shownVector = List.of();
    private Label unitCaptionLabel;
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");

    public EquationsPanel(AppModel app) {
        this.app = app;
        getStyleClass().add(STYLE_CLASS);
        setFitToWidth(true);
        box.getStyleClass().add("equations-box");
        setContent(box);
        app.cursorProperty().addListener((o, a, c) -> refresh());
        app.selectedUnitProperty().addListener((o, a, u) -> refresh());
        app.view().notationProperty().addListener((o, a, n) -> refresh());
        app.subStepProperty().addListener((o, a, sub) -> markSubStep());
        MenuItem copy = new MenuItem("Copy equations");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(String.join("\n", richLines));
            Clipboard.getSystemClipboard().setContent(content);
        });
        setContextMenu(new ContextMenu(copy));
        setTooltip(new Tooltip("Right-click to copy the equations (with _ and ^ marking sub- and superscripts)"));
    }

    /** The plain text of the vector equations, in order (what a user reads). */
    public List<String> equationTexts() {
        return vectorLines.stream().map(RichText::plainText).toList();
    }

    /** The plain text of the unit equations with numbers, in order. */
    public List<String> unitEquationTexts() {
        return unitLines.stream().map(RichText::plainText).toList();
    }

    /** The plain text of the unit equations marked as being computed at the current sub-step. */
    public List<String> currentEquationTexts() {
        return unitLines.stream().filter(f -> f.getPseudoClassStates().contains(CURRENT)).map(RichText::plainText).toList();
    }

    private void refresh() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return;
        Notation n = app.view().notationProperty().get();
        // The cell kind comes from the trace; the peephole flag only when the model is that trace's LSTM.
        boolean peepholes = Quantities.peepholes(app.modelProperty().get(), c);
        String title = c.kind().title() + " — " + n.title() + " notation";
        List<String> vector = new Equations(n, c.kind(), peepholes).lines();
        int selected = app.selectedUnitProperty().get();
        int unit = selected >= 0 ? selected : 0;
        String unitCaption = "Unit " + unit + " at " + lowerFirst(c.describe(n))
                + (selected >= 0 ? "" : "  (click any unit to choose another)");
        // A plain RNN's pre-activation and h share one equation; say it once.
        List<String> unitRich = new ArrayList<>();
        List<Integer> subSteps = new ArrayList<>();
        for (Quantity q : Quantities.shown(c.kind(), n)) {
            String line = n.unitEquation(c.kind(), peepholes, q, c.step(), unit);
            if (unitRich.contains(line)) continue;
            unitRich.add(line);
            subSteps.add(q.subStep(c.kind()));
        }
        if (title.equals(shownTitle) && vector.equals(shownVector) && unitRich.size() == unitLines.size()) {
            // Only the step or the unit moved: refill the same nodes, since new ones would each cost a
            // CSS pass on every step of a scrub.
            unitCaptionLabel.setText(unitCaption);
            for (int i = 0; i < unitRich.size(); i++) RichText.fill(unitLines.get(i), unitRich.get(i));
        } else {
            rebuild(title, vector, unitCaption, unitRich);
        }
        richLines.clear();
        richLines.addAll(vector);
        richLines.addAll(unitRich);
        unitSubSteps.clear();
        unitSubSteps.addAll(subSteps);
        markSubStep();
    }

    private void rebuild(String title, List<String> vector, String unitCaption, List<String> unitRich) {
        shownTitle = title;
        shownVector = vector;
        vectorLines.clear();
        unitLines.clear();
        List<javafx.scene.Node> children = new ArrayList<>();
        children.add(caption(title));
        for (String line : vector) {
            TextFlow flow = RichText.flow(line);
            flow.getStyleClass().add(EQUATION);
            vectorLines.add(flow);
            children.add(flow);
        }
        unitCaptionLabel = caption(unitCaption);
        children.add(unitCaptionLabel);
        for (String line : unitRich) {
            TextFlow flow = RichText.flow(line);
            flow.getStyleClass().add(UNIT_EQUATION);
            unitLines.add(flow);
            children.add(flow);
        }
        box.getChildren().setAll(children);
    }

    /**
     * While the diagram walks through a step, the equation being computed is marked and those the
     * flow has not reached are faded, as in the diagram.
     */
    private void markSubStep() {
        int s = app.subStepProperty().get();
        for (int i = 0; i < unitLines.size(); i++) {
            boolean walking = s != AppModel.WHOLE_STEP;
            unitLines.get(i).pseudoClassStateChanged(CURRENT, walking && unitSubSteps.get(i) == s);
            unitLines.get(i).pseudoClassStateChanged(PENDING, walking && unitSubSteps.get(i) > s);
        }
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(CAPTION);
        l.setWrapText(true);
        return l;
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
