package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ChartExport.Format;
import io.gatescope.chart.ColourScales.Theme;
import io.gatescope.chart.Figures.View;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.trace.ModelTrace;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Every view exported in every format, checked as a lecturer putting it on a slide would check it. */
class FigureExportTest {
    @TempDir
    Path dir;

    private final ModelTrace trace = Fixtures.model(CellKind.LSTM, 8);
    /** Ng's notation: its Γ symbols are easy to find in a file and in no other notation. */
    private final ChartStyle style = ChartStyle.DEFAULT.withNotation(Notation.NG).withSelectedUnit(3).withCurrentStep(2);

    private Figure figure(View view) {
        return Figures.of(view, trace, 0, false, style);
    }

    @ParameterizedTest
    @EnumSource(View.class)
    void pngSizeFollowsTheScaleAndTheWidth(View view) throws IOException {
        Figure f = figure(view);
        Path one = dir.resolve("one.png"), three = dir.resolve("three.png"), wide = dir.resolve("wide.png");
        ChartExport.write(f, Format.PNG, 1, one);
        ChartExport.write(f, Format.PNG, 3, three);
        ChartExport.write(f, Format.PNG, ChartExport.scaleForWidth(f, 1920), wide);
        BufferedImage small = ImageIO.read(one.toFile()), large = ImageIO.read(three.toFile());
        assertThat(small.getWidth()).isEqualTo((int) Math.ceil(f.preferredSize().width()));
        assertThat(small.getHeight()).isEqualTo((int) Math.ceil(f.preferredSize().height()));
        assertThat(large.getWidth()).isEqualTo(3 * small.getWidth());
        assertThat(large.getHeight()).isEqualTo(3 * small.getHeight());
        assertThat(ImageIO.read(wide.toFile()).getWidth()).isEqualTo(1920);
    }

    @ParameterizedTest
    @EnumSource(value = View.class, names = {"CELL", "VECTORS"})
    void thePngHoldsEveryLegendsColoursEndToEnd(View view) throws IOException {
        Figure f = figure(view);
        Path file = dir.resolve("f.png");
        ChartExport.write(f, Format.PNG, 1, file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(f.legends()).hasSize(3);       // gates, tanh outputs, the cell state
        for (Legend legend : f.legends()) {
            // The bands at both ends of each bar, painted without antialiasing: exact colours.
            for (double at : new double[] {0.5 / 120, 119.5 / 120}) {
                Color c = legend.scale().at(at);
                assertThat(contains(image, c)).as("%s at %s", legend.scale(), at).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(View.class)
    void svgIsXmlWithTheTitleAndTheNotationsSymbolsAsText(View view) throws Exception {
        Figure f = figure(view);
        Path file = dir.resolve("f.svg");
        ChartExport.write(f, Format.SVG, 1, file);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        List<String> texts = texts(svg);
        assertThat(texts).contains(f.title());
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("Andrew Ng notation"));
        if (view != View.UNROLLED) assertThat(texts).as("Ng's gate symbols as text").contains("Γ");
    }

    @ParameterizedTest
    @EnumSource(View.class)
    void pdfIsOnePageWithItsWordsInAStandardFont(View view) throws IOException {
        Figure f = figure(view);
        Path file = dir.resolve("f.pdf");
        ChartExport.write(f, Format.PDF, 1, file);
        byte[] bytes = Files.readAllBytes(file);
        String pdf = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(pdf).startsWith("%PDF-").contains("%%EOF").contains("/BaseFont /Helvetica-Bold");
        assertThat(count(pdf, Pattern.compile("/Type\\s*/Page\\b"))).isEqualTo(1);
        assertThat(pageContent(bytes)).contains("(" + f.title().split(" ")[0] + " ) Tj");      // the title's first word, as text
    }

    @ParameterizedTest
    @EnumSource(value = View.class, names = {"CELL", "HEATMAP"})
    void thePrintThemeIsBlackOnWhite(View view) throws IOException {
        Figure f = Figures.of(view, trace, 0, false, style.withTheme(Theme.PRINT));
        BufferedImage image = ChartExport.image(f, 1);
        assertThat(new Color(image.getRGB(1, 1))).isEqualTo(Color.WHITE);
        assertThat(contains(image, Color.BLACK)).as("black text").isTrue();
    }

    /** The text of every {@code <text>} element, in document order (the SVG is read as XML). */
    static List<String> texts(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        NodeList nodes = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) out.add(nodes.item(i).getTextContent());
        return out;
    }

    static boolean contains(BufferedImage image, Color colour) {
        int rgb = colour.getRGB() & 0xffffff;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) return true;
            }
        }
        return false;
    }

    /** Every stream of a PDF, inflated (JFreePDF compresses page contents with Flate). */
    static String pageContent(byte[] pdf) {
        String raw = new String(pdf, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("(?<!end)stream\r?\n").matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int end = raw.indexOf("endstream", m.end());
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(java.util.Arrays.copyOfRange(pdf, m.end(), end));
            byte[] buffer = new byte[1 << 16];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) break;
                    out.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (java.util.zip.DataFormatException notFlate) {
                out.append(raw, m.end(), end);
            } finally {
                inflater.end();
            }
        }
        return out.toString();
    }

    static int count(String s, Pattern p) {
        Matcher m = p.matcher(s);
        int n = 0;
        while (m.find()) n++;
        return n;
    }
}
