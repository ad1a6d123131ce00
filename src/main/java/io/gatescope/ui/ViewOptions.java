package io.gatescope.ui;

import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.ColourScales.Palette;
import io.gatescope.chart.Notation;
import io.gatescope.ui.theme.UiTheme;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * How the trace is shown, independent of which trace it is: notation, palette, themes, zoom,
 * presenter mode and playback speed.
 *
 * <p>Presenter mode keeps its own theme and zoom, so switching it on and off with one key flips
 * between the desk setup and the lecture-hall setup without retuning either.
 */
public final class ViewOptions {
    public static final double MIN_ZOOM = ChartStyle.MIN_FONT_SCALE;
    public static final double MAX_ZOOM = ChartStyle.MAX_FONT_SCALE;
    /** Zoom changes in steps of a quarter: 100, 125, ... 250 %. */
    public static final double ZOOM_STEP = 0.25;
    /**
     * In presenter mode the controls grow at most to this: the hall reads the charts, only the
     * lecturer reads the buttons, and every pixel the chrome takes on a 720p projector is lost to them.
     */
    public static final double PRESENTER_CHROME_ZOOM = 1.25;
    /** Playback speeds in steps per second that + and − move between. */
    static final double[] SPEEDS = {0.25, 0.5, 1, 2, 4, 8, 16};

    private final ObjectProperty<Notation> notation = new SimpleObjectProperty<>(this, "notation", Notation.PYTORCH);
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(this, "palette", Palette.CLASSIC);
    private final ObjectProperty<UiTheme> deskTheme = new SimpleObjectProperty<>(this, "deskTheme", UiTheme.LIGHT);
    private final ObjectProperty<UiTheme> presenterTheme =
            new SimpleObjectProperty<>(this, "presenterTheme", UiTheme.HIGH_CONTRAST);
    private final DoubleProperty deskZoom = new SimpleDoubleProperty(this, "deskZoom", 1.0);
    private final DoubleProperty presenterZoom = new SimpleDoubleProperty(this, "presenterZoom", 1.75);
    private final BooleanProperty presenter = new SimpleBooleanProperty(this, "presenter", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    private final ReadOnlyObjectWrapper<UiTheme> theme = new ReadOnlyObjectWrapper<>(this, "theme");
    private final ReadOnlyDoubleWrapper zoom = new ReadOnlyDoubleWrapper(this, "zoom");
    private final ReadOnlyDoubleWrapper chromeZoom = new ReadOnlyDoubleWrapper(this, "chromeZoom");

    ViewOptions() {
        theme.bind(Bindings.when(presenter).then(presenterTheme).otherwise(deskTheme));
        zoom.bind(Bindings.when(presenter).then(presenterZoom).otherwise(deskZoom));
        chromeZoom.bind(Bindings.createDoubleBinding(() -> presenter.get() ? Math.min(zoom.get(), PRESENTER_CHROME_ZOOM) : zoom.get(),
                presenter, zoom));
    }

    public ObjectProperty<Notation> notationProperty() { return notation; }

    public ObjectProperty<Palette> paletteProperty() { return palette; }

    public ObjectProperty<UiTheme> deskThemeProperty() { return deskTheme; }

    public ObjectProperty<UiTheme> presenterThemeProperty() { return presenterTheme; }

    public DoubleProperty deskZoomProperty() { return deskZoom; }

    public DoubleProperty presenterZoomProperty() { return presenterZoom; }

    public BooleanProperty presenterProperty() { return presenter; }

    /** Playback speed in time steps per second. */
    public DoubleProperty speedProperty() { return speed; }

    /** The theme in force: the presenter theme in presenter mode, else the desk theme. */
    public ReadOnlyObjectProperty<UiTheme> themeProperty() { return theme.getReadOnlyProperty(); }

    /** The font scale in force, 1.0–2.5. */
    public ReadOnlyDoubleProperty zoomProperty() { return zoom.getReadOnlyProperty(); }

    /** The text size of the controls (bars, menus, panel titles): the zoom, capped in presenter mode. */
    public ReadOnlyDoubleProperty chromeZoomProperty() { return chromeZoom.getReadOnlyProperty(); }

    /** The theme property that the theme picker edits: the one of the current mode. */
    public ObjectProperty<UiTheme> activeThemeProperty() { return presenter.get() ? presenterTheme : deskTheme; }

    /** Sets the theme of the current mode. */
    public void setTheme(UiTheme t) { activeThemeProperty().set(t); }

    /** Changes the current mode's zoom by {@code steps} quarter steps, within 100–250 %. */
    public void zoomBy(int steps) {
        DoubleProperty target = presenter.get() ? presenterZoom : deskZoom;
        target.set(clampZoom(Math.round((target.get() + steps * ZOOM_STEP) * 4) / 4.0));
    }

    /** Sets the current mode's zoom, clamped to 100–250 %. */
    public void setZoom(double z) {
        (presenter.get() ? presenterZoom : deskZoom).set(clampZoom(z));
    }

    public static double clampZoom(double z) {
        return Double.isFinite(z) ? Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)) : 1.0;
    }

    /** Moves playback speed {@code steps} presets faster (positive) or slower (negative). */
    public void speedBy(int steps) {
        int i = 0;
        while (i < SPEEDS.length - 1 && SPEEDS[i] < speed.get() - 1e-9) i++;
        speed.set(SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, i + steps))]);
    }
}
