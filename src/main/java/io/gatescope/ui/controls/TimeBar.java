package io.gatescope.ui.controls;

import io.gatescope.ui.AppModel;
import io.gatescope.ui.model.TraceCursor;
import io.gatescope.ui.theme.UiTheme;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.shape.SVGPath;

/**
 * The time controls: first, back, play/pause, forward, last; a scrubber over every encoder and
 * decoder step; where the cursor is in words; and the playback speed.
 */
public final class TimeBar extends HBox {
    public static final String SCRUBBER_ID = "scrubber";
    public static final String STEP_LABEL_ID = "stepLabel";
    public static final String PLAY_ID = "playButton";
    public static final String SPEED_ID = "speedLabel";
    public static final String STYLE_CLASS = "time-bar";

    private final AppModel app;
    private final Slider scrubber = new Slider(0, 1, 0);
    /** Where the cursor is in words; its text size (the bar's) sizes the icons too. */
    private final Label where = new Label();
    private boolean syncing;

    public TimeBar(AppModel app) {
        this.app = app;
        getStyleClass().addAll(STYLE_CLASS, UiTheme.HALL_TEXT);
        setAlignment(Pos.CENTER_LEFT);

        Button first = button(Icons.first(), "First step (Home)", app::goToStart);
        Button back = button(Icons.previous(), "Previous step (←)", () -> app.stepBy(-1));
        ToggleButton play = new ToggleButton();
        play.setId(PLAY_ID);
        play.selectedProperty().bindBidirectional(app.playingProperty());
        Node playIcon = scaled(Icons.play()), pauseIcon = scaled(Icons.pause());
        play.graphicProperty().bind(Bindings.when(app.playingProperty()).then(pauseIcon).otherwise(playIcon));
        play.setTooltip(new Tooltip("Play or pause (Space)"));
        play.setAccessibleText("Play or pause");
        play.getStyleClass().add("time-button");
        play.setMinWidth(USE_PREF_SIZE);
        Button forward = button(Icons.next(), "Next step (→)", () -> app.stepBy(1));
        Button last = button(Icons.last(), "Last step (End)", app::goToEnd);

        scrubber.setId(SCRUBBER_ID);
        scrubber.setMajorTickUnit(1);
        scrubber.setMinorTickCount(0);
        scrubber.setSnapToTicks(true);
        scrubber.setShowTickMarks(true);
        scrubber.setBlockIncrement(1);
        scrubber.setTooltip(new Tooltip("Drag to scrub through every encoder and decoder step"));
        scrubber.setAccessibleText("Time step");
        HBox.setHgrow(scrubber, Priority.ALWAYS);
        scrubber.getStyleClass().add("scrubber");   // keeps a usable minimum width in em (CSS)
        scrubber.valueProperty().addListener((o, a, v) -> {
            if (!syncing) app.goTo((int) Math.round(v.doubleValue()));
        });
        app.traceProperty().addListener((o, a, t) -> sync());
        app.stepProperty().addListener((o, a, t) -> sync());

        where.setId(STEP_LABEL_ID);
        where.getStyleClass().add("step-label");
        where.textProperty().bind(Bindings.createStringBinding(this::describe, app.cursorProperty(), app.subStepProperty(),
                app.view().notationProperty()));
        // The words give way first when the text is large (ellipsis; the whole sentence in the tooltip),
        // so the scrubber keeps a usable width and the speed controls stay on screen.
        where.setMinWidth(0);
        Tooltip whereTip = new Tooltip();
        whereTip.textProperty().bind(where.textProperty());
        where.setTooltip(whereTip);

        Button slower = button(new Label("−"), "Slower (−)", () -> app.view().speedBy(-1));
        Label speed = new Label();
        speed.setId(SPEED_ID);
        speed.textProperty().bind(Bindings.createStringBinding(() -> speedText(app.view().speedProperty().get()),
                app.view().speedProperty()));
        speed.setTooltip(new Tooltip("Playback speed in time steps per second"));
        speed.setMinWidth(USE_PREF_SIZE);
        speed.getStyleClass().add("speed-label");
        Button faster = button(new Label("+"), "Faster (+)", () -> app.view().speedBy(1));

        getChildren().addAll(first, back, play, forward, last, scrubber, where, slower, speed, faster);
    }

    private Button button(Node graphic, String tip, Runnable action) {
        Button b = new Button(null, graphic instanceof SVGPath icon ? scaled(icon) : graphic);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.getStyleClass().add("time-button");
        b.setAccessibleText(tip);
        b.setMinWidth(USE_PREF_SIZE);
        return b;
    }

    /** An icon that grows with the bar's text (the zoom, or presenter mode's hall size); the group makes the scaled size count in layout. */
    private Node scaled(SVGPath icon) {
        var scale = Bindings.createDoubleBinding(() -> where.getFont().getSize() / Icons.DRAWN_FOR_FONT_PX, where.fontProperty());
        icon.scaleXProperty().bind(scale);
        icon.scaleYProperty().bind(scale);
        return new Group(icon);
    }

    private void sync() {
        syncing = true;
        try {
            scrubber.setMax(Math.max(1, app.totalSteps() - 1));
            scrubber.setDisable(app.totalSteps() < 2);
            scrubber.setValue(app.stepProperty().get());
        } finally {
            syncing = false;
        }
    }

    private String describe() {
        TraceCursor c = app.cursorProperty().get();
        if (c == null) return "";
        int s = app.subStepProperty().get();
        String sub = s == AppModel.WHOLE_STEP ? "" : "  ·  sub-step " + (s + 1);
        return c.axis().describe(c.index(), app.view().notationProperty().get(), s) + sub;
    }

    static String speedText(double stepsPerSecond) {
        String n = stepsPerSecond >= 1 ? String.format(Locale.ROOT, "%.0f", stepsPerSecond)
                : String.format(Locale.ROOT, "%.2f", stepsPerSecond).replaceAll("0+$", "");
        return n + " step/s";
    }
}
