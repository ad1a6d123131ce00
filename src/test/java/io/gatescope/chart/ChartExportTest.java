package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatescope.engine.CellKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartExportTest {
    @TempDir
    Path dir;

    private final Chart chart = CellDiagram.of(Fixtures.model(CellKind.LSTM, 8), 0, false,
            ChartStyle.DEFAULT.withNotation(Notation.NG).withSelectedUnit(2));

    @Test
    void pngAtScaleTwoHasTwiceThePixelsEachWay() throws IOException {
        Path one = dir.resolve("one.png"), two = dir.resolve("two.png");
        ChartExport.png(chart, 1, one);
        ChartExport.png(chart, 2, two);
        BufferedImage small = ImageIO.read(one.toFile()), large = ImageIO.read(two.toFile());
        assertThat(small.getWidth()).isEqualTo((int) Math.ceil(chart.preferredSize().width()));
        assertThat(large.getWidth()).isEqualTo(2 * small.getWidth());
        assertThat(large.getHeight()).isEqualTo(2 * small.getHeight());
        // The same picture, magnified: the background corner and a gate's fill agree.
        assertThat(large.getRGB(1, 1)).isEqualTo(small.getRGB(0, 0));
    }

    @Test
    void svgIsADocumentWithTheLabelsAsText() throws IOException {
        Path file = dir.resolve("cell.svg");
        ChartExport.svg(chart, file);
        String svg = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(svg.startsWith("<!DOCTYPE svg") || svg.startsWith("<svg")).isTrue();
        assertThat(svg).contains(">Γ<").endsWith("</svg>\n");
    }

    @Test
    void pdfIsAPdf() throws IOException {
        Path file = dir.resolve("cell.pdf");
        ChartExport.pdf(chart, file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).contains("%%EOF");
        assertThat(bytes.length).isGreaterThan(2000);
    }

    @Test
    void exportReplacesAnOldFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("cell.png");
        Files.writeString(file, "old");
        ChartExport.png(chart, 1, file);
        assertThat(ImageIO.read(file.toFile())).isNotNull();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cell.png");
        }
    }

    @Test
    void unwritablePathsFailWithMessagesThatNameThem() {
        Path missing = dir.resolve("no-such-folder").resolve("cell.svg");
        assertThatThrownBy(() -> ChartExport.svg(chart, missing)).isInstanceOf(IOException.class)
                .hasMessageContaining(missing.getParent().toString()).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ChartExport.pdf(chart, dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a folder");
        assertThatThrownBy(() -> ChartExport.png(chart, 0, dir.resolve("x.png")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale");
        assertThatThrownBy(() -> ChartExport.image(chart, 1e6, 1e6, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pixels");
    }
}
