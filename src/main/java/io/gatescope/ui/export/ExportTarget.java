package io.gatescope.ui.export;

import io.gatescope.chart.Chart;
import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.FigureSeries;
import io.gatescope.chart.Figures;
import io.gatescope.ui.AppModel;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.model.Quantities;
import io.gatescope.ui.model.TraceCursor;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one view exports: its picture at the current step, drawn in the theme the dialog chose, and,
 * for the window's own panels, the same picture at every step.
 */
public interface ExportTarget {

    /**
     * What an export takes along, read on the JavaFX thread from the app's current state and
     * immutable from then on, so the drawing and the writing can run on the compute thread.
     *
     * @param step   the picture at the current step (built when asked, off the FX thread)
     * @param series the picture at every step, when the view has one
     * @param stem   a file name without extension: "cell-step03"
     */
    record Snapshot(java.util.function.Supplier<Chart> step, Optional<FigureSeries> series, String stem) {
    }

    /** The view's name in the dialog's title: "Cell diagram". */
    String title();

    /** Whether the picture can be redrawn in another theme (print); a foreign canvas's chart cannot. */
    boolean rethemable();

    /** Whether the picture changes from one sub-step to the next, so a series may have one per sub-step. */
    boolean followsSubSteps();

    /**
     * The state to export; called on the FX thread.
     *
     * @param theme    the theme to draw in, or null for the screen's
     * @param subSteps one picture per sub-step in a series
     */
    Optional<Snapshot> snapshot(Theme theme, boolean subSteps);

    /** One of the window's panels as a stand-alone figure: title, step line, the chart, its legends. */
    static ExportTarget figure(AppModel app, Figures.View view, String title) {
        return new ExportTarget() {
            @Override public String title() { return title; }

            @Override public boolean rethemable() { return true; }

            @Override public boolean followsSubSteps() { return view.followsSubSteps(); }

            @Override public Optional<Snapshot> snapshot(Theme theme, boolean subSteps) {
                TraceCursor c = app.cursorProperty().get();
                if (c == null) return Optional.empty();
                ChartStyle style = themed(app.chartStyleBinding().get(), theme);
                boolean peepholes = Quantities.peepholes(app.modelProperty().get(), c);
                FigureSeries series = new FigureSeries(view, c.trace(), c.layer(), peepholes, style, subSteps);
                int sub = view.followsSubSteps() ? style.subStep() : ChartStyle.WHOLE_STEP;
                String stem = series.stem(new FigureSeries.Frame(c.index(), sub));
                return Optional.of(new Snapshot(() -> Figures.of(view, c.trace(), c.layer(), peepholes, style),
                        Optional.of(series), stem));
            }
        };
    }

    /**
     * A chart a panel builds from the app's current style (one heatmap): redrawn in the chosen theme,
     * this step only.
     */
    static ExportTarget chart(AppModel app, String title, String stem, Function<ChartStyle, Chart> build) {
        return new ExportTarget() {
            @Override public String title() { return title; }

            @Override public boolean rethemable() { return true; }

            @Override public boolean followsSubSteps() { return false; }

            @Override public Optional<Snapshot> snapshot(Theme theme, boolean subSteps) {
                if (app.cursorProperty().get() == null) return Optional.empty();
                ChartStyle style = themed(app.chartStyleBinding().get(), theme);
                return Optional.of(new Snapshot(() -> build.apply(style), Optional.empty(), stem));
            }
        };
    }

    /** A view marked with an {@link ExportHook}: built in the chosen theme, this moment only. */
    static ExportTarget hooked(AppModel app, ExportHook hook) {
        return new ExportTarget() {
            @Override public String title() { return hook.title(); }

            @Override public boolean rethemable() { return true; }

            @Override public boolean followsSubSteps() { return false; }

            @Override public Optional<Snapshot> snapshot(Theme theme, boolean subSteps) {
                Chart chart = hook.build().apply(themed(app.chartStyleBinding().get(), theme));
                return chart == null ? Optional.empty() : Optional.of(new Snapshot(() -> chart, Optional.empty(), hook.stem()));
            }
        };
    }

    /**
     * Whatever a canvas shows, as it shows it: how a view another part of the window adds exports
     * with no code of its own (in the screen's theme only; an {@link ExportHook} offers the others).
     */
    static ExportTarget canvas(String title, ChartCanvas canvas) {
        return new ExportTarget() {
            @Override public String title() { return title; }

            @Override public boolean rethemable() { return false; }

            @Override public boolean followsSubSteps() { return false; }

            @Override public Optional<Snapshot> snapshot(Theme theme, boolean subSteps) {
                Chart chart = canvas.chart();
                if (chart == null) return Optional.empty();
                String stem = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
                return Optional.of(new Snapshot(() -> chart, Optional.empty(), stem.isEmpty() ? "chart" : stem));
            }
        };
    }

    private static ChartStyle themed(ChartStyle style, Theme theme) {
        return theme == null ? style : style.withTheme(theme);
    }
}
