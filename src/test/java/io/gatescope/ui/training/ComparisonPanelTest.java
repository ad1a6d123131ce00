package io.gatescope.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.train.TrainingSetting;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The seeds' comparison in the panel: its table fills in model by model beside the seeds' figures. */
class ComparisonPanelTest extends TrainingPanelFixture {
    @Test
    void theComparisonsTableFillsInRunByRunBesideTheSeedsFigures(FxRobot robot) throws Exception {
        small(robot, 1000);
        robot.interact(() -> panel.type(TrainingSetting.TIME_LIMIT, "3")); // each model trains for 3 s at most
        List<String> seen = new java.util.ArrayList<>(); // what a follower (a quiz) observes: the start, then each result
        robot.interact(() -> {
            panel.comparisonProperty().addListener((o, was, now) -> seen.add(now == null ? "end" : "start"));
            panel.comparisonResults().addListener((javafx.collections.ListChangeListener<io.gatescope.train.Comparison.Result>) c -> {
                while (c.next()) c.getAddedSubList().forEach(r -> seen.add(r.cell()));
            });
        });
        robot.clickOn("Compare dense · RNN · LSTM · GRU");
        TableView<?> table = robot.lookup("#comparisonTable").queryAs(TableView.class);
        // while the SimpleRNN trains, the dense line is complete and the others wait
        await(() -> panel.session().comparisonRows().size() == 4
                && panel.session().comparisonRows().get(1).verdict().equals(ComparisonRow.TRAINING));
        var rows = panel.session().comparisonRows();
        assertThat(rows.get(0).cell("Model")).isEqualTo("Dense");
        assertThat(rows.get(0).verdict()).isIn("✓ < 5 %", "✗ ≥ 5 %");
        assertThat(rows.get(0).cell("Test")).endsWith(" %");
        assertThat(rows.get(1).cell("Model")).isEqualTo("SimpleRNN");
        assertThat(rows.get(1).cell("Test")).isEqualTo("…");
        assertThat(rows.get(1).cell("Seeds")).isEqualTo("95.0 %");
        assertThat(rows.get(2).verdict()).isEqualTo(ComparisonRow.WAITING);
        assertThat(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && ComparisonRow.TRAINING.equals(l.getText())).tryQuery()).isPresent();
        assertThat(robot.lookup(".table-cell").match(n -> n instanceof javafx.scene.control.Labeled l
                && "SimpleRNN".equals(l.getText())).tryQuery()).isPresent();
        assertThat(table.getItems()).hasSize(4);

        await(() -> !panel.session().activeProperty().get());
        assertThat(panel.session().runs()).extracting(r -> r.label()).containsExactly("Dense", "SimpleRNN 8", "LSTM 8", "GRU 8");
        assertThat(rows).extracting(r -> r.cell("Model")).containsExactly("Dense", "SimpleRNN", "LSTM", "GRU");
        assertThat(rows).extracting(r -> r.cell("Seeds")).containsExactly("0.0 %", "95.0 %", "100.0 %", "—");
        assertThat(rows).extracting(ComparisonRow::verdict).doesNotContain(ComparisonRow.TRAINING, ComparisonRow.WAITING);
        var results = panel.comparisonResults();
        for (int i = 0; i < 4; i++) {
            assertThat(rows.get(i).cell("Test")).isEqualTo(ComparisonRow.percent(results.get(i).test().sequences()));
            assertThat(rows.get(i).cell("Validation")).isEqualTo(ComparisonRow.percent(results.get(i).last().validationSequences()));
            assertThat(rows.get(i).cell("Epochs")).isEqualTo(Integer.toString(results.get(i).last().epoch()));
        }
        assertThat(robot.lookup("100.0 %").tryQuery()).isPresent();
        assertThat(seen).containsExactly("start", "dense", "rnn", "lstm", "gru", "end");
    }

    /**
     * The models of a comparison can train faster than the panel looks (a dense model in a few
     * milliseconds): each still gets its curves. The FX thread is held until all four have trained,
     * so one look finds three or four models begun and finished, whatever the machine's speed.
     */
    @Test
    void everyModelGetsItsCurvesWhenSeveralFinishBetweenTwoLooks(FxRobot robot) throws Exception {
        small(robot, 1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        robot.interact(() -> panel.session().compare(panel.settings().config()));
        // Posted from here, not inside interact(), which would wait for the FX thread to be free again.
        javafx.application.Platform.runLater(() -> {   // the next look waits behind this
            try {
                release.await(120, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        org.testfx.util.WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> {
            var t = panel.session().trainer();
            return t != null && t.config().cell().equals("gru") && t.latest() != null && t.latest().finished();
        });
        release.countDown();   // the look now finds at least the SimpleRNN, the LSTM and the GRU begun and finished
        await(() -> !panel.session().activeProperty().get());
        var runs = panel.session().runs();
        assertThat(runs).extracting(r -> r.label()).containsExactly("Dense", "SimpleRNN 8", "LSTM 8", "GRU 8");
        for (var r : runs) {   // each curve reaches the end of its one epoch, with its validation point
            assertThat(r.points()).isNotEmpty();
            assertThat(r.points().get(r.points().size() - 1).epoch()).isEqualTo(1.0);
            assertThat(r.points()).anyMatch(p -> !Double.isNaN(p.validationLoss()));
        }
    }
}
