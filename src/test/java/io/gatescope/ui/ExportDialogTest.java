package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.Figures;
import io.gatescope.ui.export.ExportDialog;
import io.gatescope.ui.export.ExportTarget;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** Export… from the window: the dialog writes files off the FX thread and copies pictures to the clipboard. */
class ExportDialogTest extends WindowTestBase {
    @TempDir
    Path dir;

    private ExportDialog open(FxRobot robot, ExportTarget target) {
        AtomicReference<ExportDialog> dialog = new AtomicReference<>();
        robot.interact(() -> dialog.set(window.exports().open(target)));
        return dialog.get();
    }

    private static <T> T find(ExportDialog d, String id, Class<T> type) {
        return type.cast(d.stage().getScene().lookup("#" + id));
    }

    @Test
    void exportingTheCellDiagramWritesAPngAtTheChosenScale(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> app.goTo(2));
        ExportTarget cell = window.exports().hoveredTarget();      // nothing hovered yet: the cell diagram
        assertThat(cell.title()).isEqualTo("the cell diagram");
        ExportDialog d = open(robot, cell);
        Path file = dir.resolve("cell.png");
        robot.interact(() -> {
            find(d, ExportDialog.PATH_ID, TextField.class).setText(file.toString());
            find(d, ExportDialog.EXPORT_ID, Button.class).fire();
        });
        Label status = find(d, ExportDialog.STATUS_ID, Label.class);
        await(() -> status.getText().startsWith("Wrote"));
        assertThat(status.getText()).isEqualTo("Wrote " + file);
        BufferedImage image = ImageIO.read(file.toFile());
        int expectedWidth = (int) Math.round(2 * Math.ceil(Figures.of(Figures.View.CELL, app.cursorProperty().get().trace(), 0,
                false, app.chartStyleBinding().get()).preferredSize().width()));
        assertThat(image.getWidth()).isEqualTo(expectedWidth);       // the dialog's default scale, 2×
    }

    @Test
    void everyStepWritesOneFilePerStepAndAMissingFolderIsSaidInTheDialog(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ExportDialog d = open(robot, window.exports().figure(Figures.View.UNROLLED));
        Label status = find(d, ExportDialog.STATUS_ID, Label.class);
        Path missing = dir.resolve("no").resolve("such").resolve("u.png");
        robot.interact(() -> {
            find(d, ExportDialog.PATH_ID, TextField.class).setText(missing.toString());
            find(d, ExportDialog.EXPORT_ID, Button.class).fire();
        });
        await(() -> status.getText().contains("does not exist"));
        assertThat(status.getStyleClass()).contains("danger");
        assertThat(d.stage().isShowing()).isTrue();

        Path folder = dir.resolve("steps");
        robot.interact(() -> {
            d.stage().getScene().getRoot().lookupAll(".radio-button").stream().map(RadioButton.class::cast)
                    .filter(r -> r.getText().startsWith("Every step")).findFirst().orElseThrow().fire();
            find(d, ExportDialog.PATH_ID, TextField.class).setText(folder.toString());
            find(d, ExportDialog.EXPORT_ID, Button.class).fire();
        });
        await(() -> status.getText().startsWith("Wrote"));
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .hasSize(app.traceProperty().get().totalSteps()).first().isEqualTo("unrolled-step01.png");
        }
        assertThat(status.getStyleClass()).doesNotContain("danger");
    }

    @Test
    void copyAsImagePutsTheFigureOnTheClipboard(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        ExportDialog d = open(robot, window.exports().figure(Figures.View.EQUATIONS));
        robot.interact(() -> {
            Clipboard.getSystemClipboard().clear();
            find(d, ExportDialog.COPY_ID, Button.class).fire();
        });
        Label status = find(d, ExportDialog.STATUS_ID, Label.class);
        await(() -> status.getText().startsWith("Copied"));
        AtomicReference<Image> image = new AtomicReference<>();
        robot.interact(() -> image.set(Clipboard.getSystemClipboard().getImage()));
        assertThat(image.get()).isNotNull();
        int width = (int) Math.round(2 * Math.ceil(Figures.of(Figures.View.EQUATIONS, app.cursorProperty().get().trace(), 0,
                false, app.chartStyleBinding().get()).preferredSize().width()));
        assertThat(image.get().getWidth()).isEqualTo(width);
        assertThat(status.getText()).contains(width + " × ");
    }

    @Test
    void ctrlEExportsTheChartUnderTheMouse(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.interact(() -> window.toggleMaximised(window.frames().get(4)));    // at 720 px the heatmaps start folded
        var heatmap = window.heatmaps().canvases().get(1);
        robot.moveTo(heatmap);
        assertThat(window.exports().hoveredTarget().title()).startsWith("this heatmap (f").contains("forget gate");
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.E)
                .release(javafx.scene.input.KeyCode.E, javafx.scene.input.KeyCode.CONTROL);
        await(() -> robot.listTargetWindows().stream().anyMatch(w -> w instanceof javafx.stage.Stage st
                && st.getTitle() != null && st.getTitle().startsWith("Export this heatmap")));
        robot.interact(() -> robot.listTargetWindows().stream().filter(w -> w instanceof javafx.stage.Stage st
                && st.getTitle() != null && st.getTitle().startsWith("Export")).toList().forEach(javafx.stage.Window::hide));
        robot.interact(() -> window.toggleMaximised(window.frames().get(4)));
        robot.moveTo(window.unrolled().canvas());
        assertThat(window.exports().hoveredTarget().title()).isEqualTo("the unrolled view");
    }

    @Test
    void theTraceOnScreenIsWrittenAsCsvAndAsATraceFile(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Path csv = dir.resolve("t.csv"), json = dir.resolve("t.json");
        AtomicReference<javafx.concurrent.Task<String>> task = new AtomicReference<>();
        robot.interact(() -> task.set(window.exports().saveTrace(io.gatescope.ui.export.TraceExport.Kind.CSV, csv).orElseThrow()));
        await(() -> succeeded(task.get()));
        robot.interact(() -> assertThat(task.get().getValue()).isEqualTo("Wrote " + csv + ": 10 steps as CSV"));
        var step = app.traceProperty().get().encoder().layers().get(0).step(1);
        assertThat(Files.readAllLines(csv)).contains("encoder,2,2,7,0,h,5," + step.h(5), "encoder,2,2,7,0,f,0," + step.gate(1, 0));
        robot.interact(() -> task.set(window.exports().saveTrace(io.gatescope.ui.export.TraceExport.Kind.JSON, json).orElseThrow()));
        await(() -> succeeded(task.get()));
        assertThat(Files.readString(json)).contains("\"format\": \"gatescope-trace\"", "\"steps\": 5");
    }

    /** Whether {@code task} has succeeded, asked on the FX thread as a Task requires. */
    private static boolean succeeded(javafx.concurrent.Task<?> task) {
        try {
            return org.testfx.util.WaitForAsyncUtils.asyncFx(() -> task.getState() == javafx.concurrent.Worker.State.SUCCEEDED).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
