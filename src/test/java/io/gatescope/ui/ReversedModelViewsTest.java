package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatescope.chart.GradientPlot;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GradientStudy;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.trace.LayerTrace;
import io.gatescope.engine.trace.ModelTrace;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import io.gatescope.task.AdditionTask;
import io.gatescope.task.GateSaturation;
import io.gatescope.train.TrainingConfig;
import io.gatescope.ui.export.TraceExport;
import io.gatescope.ui.gradients.GradientsView;
import io.gatescope.ui.input.InputBar;
import io.gatescope.ui.lecture.clamp.ClampPanel;
import io.gatescope.ui.lecture.saturation.SaturationView;
import io.gatescope.ui.model.LoadedModel;
import io.gatescope.ui.training.TrainedWeights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * A model trained on reversed input (the trainer's own, its notes say so) reads 67+60 as 06+76 in
 * the main view; every other view and export must feed it the same sequence and show the same
 * numbers, and say where it shows the characters that they are read reversed.
 */
class ReversedModelViewsTest extends WindowTestBase {
    @TempDir
    Path out;
    private EncoderDecoder model;
    private ModelFile.Sequence file;
    private ModelTrace shown;
    private final AdditionTask.Example sum = AdditionTask.parse("67+60").example().orElseThrow();

    @BeforeEach
    void showTheReversedModel(FxRobot robot) throws Exception {
        Path f = Path.of(getClass().getResource("/models/lstm32-reversed.json").toURI());
        file = (ModelFile.Sequence) ModelFiles.load(f);
        model = (EncoderDecoder) file.model();
        robot.interact(() -> app.show(new LoadedModel.Addition("LSTM 32 reversed", f.toString(), true, model, true), "67+60"));
        await(() -> app.modelProperty().get() instanceof LoadedModel.Addition a && a.model() == model);
        awaitTrace("67+60");
        shown = app.traceProperty().get();
        assertThat(shown.inputLabels()).containsExactly("0", "6", "+", "7", "6");
        assertThat(String.join("", shown.outputLabels())).isEqualTo("00127");
    }

    @Test
    void theInputRowSaysTheSumIsReadReversed(FxRobot robot) {
        assertThat(robot.lookup("#" + InputBar.ANSWER_ID).queryAs(Label.class).getText())
                .startsWith("reads 06+76 (67+60 reversed)  ·  answers 00127");
    }

    @Test
    void theTraceFileAndTheCsvHoldTheRunOnScreen(FxRobot robot) throws Exception {
        Path json = out.resolve("t.json"), csv = out.resolve("t.csv");
        run(robot, TraceExport.Kind.JSON, json);
        run(robot, TraceExport.Kind.CSV, csv);
        JsonNode trace = new ObjectMapper().readTree(json.toFile());
        LayerTrace encoder = shown.encoder().top();
        for (int t = 0; t < AdditionTask.STEPS; t++) {
            for (int k = 0; k < AdditionTask.SYMBOLS; k++) assertThat(trace.get("x").get(t).get(k).asDouble()).isEqualTo(encoder.step(t).x(k));
            for (int u = 0; u < 32; u++) assertThat(trace.get("h").get(t).get(u).asDouble()).isEqualTo(encoder.step(t).h(u));
        }
        assertThat(Files.readAllLines(csv)).contains("encoder,1,1,0,0,h,5," + encoder.step(0).h(5),
                "decoder,10,5,7,0,h,2," + shown.decoder().top().step(4).h(2));
    }

    @Test
    void theSaturationOfTheCurrentInputCountsTheGatesOnScreen(FxRobot robot) throws Exception {
        SaturationView view = window.lecture().saturation();
        robot.clickOn(window.cell().canvas()).type(KeyCode.S);
        await(() -> window.viewProperty().get() == view && view.result() != null);
        Label status = robot.lookup("#" + SaturationView.STATUS_ID).queryAs(Label.class);
        assertThat(status.getText()).startsWith("1,000 random sums, each read reversed,");
        GateSaturation.Result random = GateSaturation.of(model, GateSaturation.randomSums(1000, 2015, true),
                io.gatescope.engine.GateClamps.NONE, () -> false, p -> { });
        assertThat(view.result().gates().get(1).right()).containsExactly(random.gates().get(1).right());

        @SuppressWarnings("unchecked")
        ChoiceBox<String> source = robot.lookup("#" + SaturationView.SOURCE_ID).queryAs(ChoiceBox.class);
        robot.interact(() -> source.setValue(SaturationView.CURRENT));
        await(() -> view.result() != null && view.result().examples() == 1);
        assertThat(status.getText()).isEqualTo("the input 06+76 (67+60 reversed), 5 steps per gate");
        for (GateSaturation.Gate g : view.result().gates()) {
            LayerTrace layer = (g.stack().equals("encoder") ? shown.encoder() : shown.decoder()).top();
            for (int u = 0; u < 32; u++) {
                int shut = 0, open = 0;
                for (int t = 0; t < layer.length(); t++) {
                    double v = layer.step(t).gate(g.block().index(), u);
                    if (v < 0.1) shut++;
                    if (v > 0.9) open++;
                }
                assertThat(g.left()[u]).as(g.stack() + " " + g.block().letter() + " unit " + u).isEqualTo(shut / 5.0);
                assertThat(g.right()[u]).isEqualTo(open / 5.0);
            }
        }
    }

    @Test
    void theWhatIfBarComparesWithTheAnswerOnScreen(FxRobot robot) throws Exception {
        robot.clickOn(window.cell().canvas()).type(KeyCode.C);
        await(() -> app.traceProperty().get().encoder().top().anyHeld());
        String held = String.join("", app.traceProperty().get().outputLabels());
        Label answer = robot.lookup("#" + ClampPanel.ANSWER_ID).queryAs(Label.class);
        await(() -> answer.getText().equals("held: " + held + "   as trained: 00127"));
    }

    @Test
    void theGradientsOfATrainingRunOnReversedInputAreTakenThroughTheReversedRun(FxRobot robot) throws Exception {
        Map<String, double[]> weights = new HashMap<>();
        for (Parameter p : model.parameters()) weights.put(p.name(), p.data().clone());
        TrainingConfig config = TrainingConfig.fromNotes(file.metadata().training());
        assertThat(config.reversed()).isTrue();
        GradientsView view = window.gradients();
        robot.interact(() -> view.follow(new SimpleObjectProperty<>(new TrainedWeights("LSTM 32 reversed", config, weights))));
        robot.clickOn(window.panelsView()).type(KeyCode.G);
        await(() -> window.viewProperty().get() == view && view.study() != null);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> source = robot.lookup("#weightsSource").queryAs(ChoiceBox.class);
        @SuppressWarnings("unchecked")
        ChoiceBox<String> input = robot.lookup("#inputSource").queryAs(ChoiceBox.class);
        robot.interact(() -> {
            input.setValue("the current addition input");
            source.setValue("current training run");
        });
        Label status = robot.lookup("#" + GradientsView.STATUS_ID).queryAs(Label.class);
        await(() -> view.settled() && status.getText().endsWith("on the addition input 06+76 (67+60 reversed)."));
        // the sequence the main view's encoder read, step by step
        double[][] x = new double[AdditionTask.STEPS][];
        for (int t = 0; t < x.length; t++) x[t] = shown.encoder().top().step(t).xCopy();
        GradientStudy expected = GradientStudy.of(List.of(model.encoder()), x, null, false);
        assertThat(((GradientPlot) view.normsCanvas().chart()).series().get(0).y())
                .containsExactly(expected.profiles().get(0).gradH());
    }

    /** Runs the window's trace export as the File menu does, and waits for it. */
    private void run(FxRobot robot, TraceExport.Kind kind, Path target) throws Exception {
        AtomicReference<Task<String>> task = new AtomicReference<>();
        robot.interact(() -> task.set(TraceExport.task(app, kind, target).orElseThrow()));
        task.get().run();
        assertThat(task.get().get()).startsWith("Wrote " + target);
    }
}
