package io.gatescope.ui.controls;

import javafx.scene.shape.SVGPath;

/**
 * The transport icons of the time bar as vector paths, so they stay sharp at every zoom and do not
 * depend on a font having the media-control glyphs. Coloured by CSS ({@code .icon}).
 */
public final class Icons {
    public static final String STYLE_CLASS = "icon";
    /** The text size (px) the 16-unit paths are drawn for: beside larger text they scale by its size over this. */
    public static final double DRAWN_FOR_FONT_PX = 14;

    private Icons() {
    }

    public static SVGPath first() { return icon("M2 2h2v12H2z M14 2v12L5 8z"); }

    public static SVGPath previous() { return icon("M13 2v12L3 8z"); }

    public static SVGPath play() { return icon("M4 2v12l10-6z"); }

    public static SVGPath pause() { return icon("M3 2h4v12H3z M9 2h4v12H9z"); }

    public static SVGPath next() { return icon("M3 2v12l10-6z"); }

    public static SVGPath last() { return icon("M12 2h2v12h-2z M2 2v12l9-6z"); }

    /** Four corners pointing outwards: fill the window with a panel. */
    public static SVGPath maximise() {
        return icon("M1 1h5v2H3v3H1z M10 1h5v5h-2V3h-3z M1 10h2v3h3v2H1z M13 10h2v5h-5v-2h3z");
    }

    private static SVGPath icon(String path) {
        SVGPath p = new SVGPath();
        p.setContent(path);
        p.getStyleClass().add(STYLE_CLASS);
        return p;
    }
}
