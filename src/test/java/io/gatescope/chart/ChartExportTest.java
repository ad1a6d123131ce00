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
        // The same picture, magnified: inside every filled area (each pixel whose 3×3 neighbourhood has
        // one colour: backgrounds, gate blocks, the selected unit's fill) the scale-2 image has that
        // colour at the doubled position. Only edges (anti-aliased, text) may differ.
        int checked = 0, colours = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 1; y < small.getHeight() - 1; y++) {
            for (int x = 1; x < small.getWidth() - 1; x++) {
                int c = small.getRGB(x, y);
                boolean uniform = true;
                for (int d = 0; uniform && d < 9; d++) uniform = small.getRGB(x - 1 + d % 3, y - 1 + d / 3) == c;
                if (!uniform) continue;
                assertThat(large.getRGB(2 * x, 2 * y)).as("(%d, %d) doubled", x, y).isEqualTo(c);
                assertThat(large.getRGB(2 * x + 1, 2 * y + 1)).as("(%d, %d) doubled", x, y).isEqualTo(c);
                checked++;
                if (seen.add(c)) colours++;
            }
        }
        assertThat(colours).as("filled areas of different colours").isGreaterThan(3);
        assertThat(checked).isGreaterThan(1000);
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
