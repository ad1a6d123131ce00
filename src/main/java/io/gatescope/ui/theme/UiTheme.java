package io.gatescope.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.gatescope.chart.ColourScales;

/**
 * The window's themes: an AtlantaFX base stylesheet for the controls, Gatescope's own sheet on top
 * (the high-contrast one overrides AtlantaFX's colour variables), and the chart theme the canvases
 * draw with, so controls and pictures always agree.
 */
public enum UiTheme {
    LIGHT("Light", new PrimerLight().getUserAgentStylesheet(), ColourScales.Theme.LIGHT, "light.css"),
    DARK("Dark", new PrimerDark().getUserAgentStylesheet(), ColourScales.Theme.DARK, "dark.css"),
    HIGH_CONTRAST("High contrast", new PrimerDark().getUserAgentStylesheet(), ColourScales.Theme.HIGH_CONTRAST,
            "high-contrast.css");

    /**
     * The style class of the bars the hall reads in presenter mode (the input line, the lecture bars, the time bar):
     * there gatescope.css gives them larger text than the rest of the chrome, with tight paddings.
     */
    public static final String HALL_TEXT = "hall-text";
    /** Their text size there, in px (gatescope.css sets it): the smallest text presenter mode shows the hall. */
    public static final double HALL_TEXT_PX = 20;
    /**
     * The smallest number the back row of a hall reads at a glance, in px: in presenter mode the cell
     * diagram's numbers never shrink below it, nor the unrolled strip's characters while there is room
     * (with every lecture bar open on a 720 px projector they may come down to {@link #HALL_TEXT_PX}).
     */
    public static final double LEGIBLE_PX = 24;

    private final String title;
    private final String userAgentStylesheet;
    private final ColourScales.Theme chartTheme;
    private final String sheet;

    UiTheme(String title, String userAgentStylesheet, ColourScales.Theme chartTheme, String sheet) {
        this.title = title;
        this.userAgentStylesheet = userAgentStylesheet;
        this.chartTheme = chartTheme;
        this.sheet = sheet;
    }

    public String title() { return title; }

    /** The AtlantaFX sheet, set with {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() { return userAgentStylesheet; }

    public ColourScales.Theme chartTheme() { return chartTheme; }

    /** Gatescope's sheets for this theme: the shared layout sheet, then the theme's colours. */
    public String[] stylesheets() {
        return new String[] {resource("gatescope.css"), resource(sheet)};
    }

    private static String resource(String name) {
        var url = UiTheme.class.getResource("/io/gatescope/ui/" + name);
        if (url == null) throw new IllegalStateException("missing stylesheet " + name);
        return url.toExternalForm();
    }

    /** Parses a saved name, falling back to {@code fallback} for anything unknown. */
    public static UiTheme parse(String name, UiTheme fallback) {
        for (UiTheme t : values()) if (t.name().equals(name)) return t;
        return fallback;
    }

    @Override public String toString() { return title; }
}
