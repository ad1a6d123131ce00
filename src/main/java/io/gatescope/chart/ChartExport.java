package io.gatescope.chart;

import io.gatescope.io.AtomicFiles;
import io.gatescope.io.FileBatch;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.PDFHints;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes any {@link Chart} to PNG (at any scale, for slides), SVG and PDF (for papers), by calling
 * the chart's one {@code draw} on the format's Graphics2D: no second copy of any picture.
 *
 * <p>Every file goes through the one atomic writer, {@link AtomicFiles} (or a {@link FileBatch} of
 * it for many files): a crash or a full disk never leaves a half-written figure where a good one was.
 * PNGs are encoded by {@link Png}, several times faster than the JDK's writer.
 */
public final class ChartExport {
    /** Beyond this many pixels a PNG would need gigabytes of heap; no slide needs it. */
    private static final long MAX_PIXELS = 100_000_000L;
    private static final String XML_DECLARATION = "<?xml version=\"1.0\"?>";

    private ChartExport() {
    }

    /** The file formats a chart can be written in. */
    public enum Format {
        /** A bitmap at any scale: slides, notes, the web. */
        PNG("png"),
        /** Vectors with the labels as text: editable, searchable, sharp at any size. */
        SVG("svg"),
        /** One vector page: papers and theses. */
        PDF("pdf");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** The file name extension, without the dot. */
        public String extension() { return extension; }

        /** The format called {@code name} (png, svg, pdf; any case), if any. */
        public static java.util.Optional<Format> byName(String name) {
            for (Format f : values()) if (f.extension.equalsIgnoreCase(name)) return java.util.Optional.of(f);
            return java.util.Optional.empty();
        }
    }

    /**
     * Writes {@code chart} in {@code format}; {@code scale} magnifies a PNG (1 = one pixel per px)
     * and is ignored by the vector formats, which scale themselves.
     */
    public static void write(Chart chart, Format format, double scale, Path file) throws IOException {
        write(chart, format, scale, file, AtomicFiles::write);
    }

    /**
     * Writes {@code chart} as {@link #write(Chart, Format, double, Path)} does, as one file of
     * {@code batch}: the file replaces its target when the batch is committed.
     */
    public static void write(Chart chart, Format format, double scale, Path file, FileBatch batch) throws IOException {
        write(chart, format, scale, file, batch::write);
    }

    /** Where a file's bytes go: the atomic writer, at once or as part of a batch. */
    private interface Sink {
        void write(Path file, AtomicFiles.Content content) throws IOException;
    }

    private static void write(Chart chart, Format format, double scale, Path file, Sink sink) throws IOException {
        if (file == null) throw new IllegalArgumentException("no file to export to");
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("cannot export to " + file.toAbsolutePath() + ": it is a folder, give a file name");
        }
        switch (format) {
            case PNG -> {
                BufferedImage image = image(chart, scale);
                sink.write(file, out -> Png.write(image, out));
            }
            case SVG -> {
                byte[] svg = svgDocument(chart).getBytes(StandardCharsets.UTF_8);
                sink.write(file, out -> out.write(svg));
            }
            case PDF -> {
                byte[] pdf = pdfDocument(chart);
                sink.write(file, out -> out.write(pdf));
            }
        }
    }

    /** The scale at which {@code chart}'s PNG is {@code pixels} wide (its layout unchanged, only magnified). */
    public static double scaleForWidth(Chart chart, int pixels) {
        if (pixels < 1) throw new IllegalArgumentException("a width must be at least 1 px, got " + pixels);
        return pixels / Math.ceil(chart.preferredSize().width());
    }

    /** Renders {@code chart} at its preferred size times {@code scale} into an RGB image. */
    public static BufferedImage image(Chart chart, double scale) {
        Chart.Size size = chart.preferredSize();
        return image(chart, size.width(), size.height(), scale);
    }

    /**
     * Renders {@code chart} laid out at width × height px (rounded up to whole px) and magnified by
     * {@code scale}: at scale 2 the image has exactly twice the pixels each way of the scale-1 image,
     * with the same layout, sharp on a 4K projector.
     */
    public static BufferedImage image(Chart chart, double width, double height, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, got " + scale);
        }
        double layoutW = Math.ceil(width), layoutH = Math.ceil(height);
        long w = Math.round(layoutW * scale), h = Math.round(layoutH * scale);
        if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) {
            throw new IllegalArgumentException("an image of " + w + "×" + h + " px is outside 1.." + MAX_PIXELS + " pixels");
        }
        BufferedImage image = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(scale, scale);
            chart.draw(g, layoutW, layoutH);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * The SVG document of {@code chart} at its preferred size, starting at its DOCTYPE: JFreeSVG's
     * XML declaration names no encoding, and without one XML already means UTF-8, which we write.
     */
    public static String svgDocument(Chart chart) {
        Chart.Size size = chart.preferredSize();
        SVGGraphics2D g = new SVGGraphics2D(size.width(), size.height());
        chart.draw(g, size.width(), size.height());
        String document = g.getSVGDocument();
        return document.startsWith(XML_DECLARATION) ? document.substring(XML_DECLARATION.length()).stripLeading() : document;
    }

    /**
     * {@code chart} at its preferred size as a one-page PDF. Plain text is set in PDF's standard
     * Helvetica, which every reader has, so it stays text; the characters the standard fonts cannot
     * encode (Γ, σ, ⊙, subscript digits) are drawn as outlines (see {@link Typography}).
     */
    public static byte[] pdfDocument(Chart chart) {
        Chart.Size size = chart.preferredSize();
        PDFDocument document = new PDFDocument();
        document.setTitle("Gatescope chart");
        Page page = document.createPage(new Rectangle2D.Double(0, 0, size.width(), size.height()));
        PDFGraphics2D g = page.getGraphics2D();
        g.setRenderingHint(PDFHints.KEY_DRAW_STRING_TYPE, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        chart.draw(g, size.width(), size.height());
        return document.getPDFBytes();
    }

    /** Writes {@code chart} at its preferred size times {@code scale} as a PNG. */
    public static void png(Chart chart, double scale, Path file) throws IOException {
        write(chart, Format.PNG, scale, file);
    }

    /** Writes {@code chart} at its preferred size as an SVG document (text stays text). */
    public static void svg(Chart chart, Path file) throws IOException {
        write(chart, Format.SVG, 1, file);
    }

    /** Writes {@code chart} at its preferred size as a one-page PDF (see {@link #pdfDocument}). */
    public static void pdf(Chart chart, Path file) throws IOException {
        write(chart, Format.PDF, 1, file);
    }
}
