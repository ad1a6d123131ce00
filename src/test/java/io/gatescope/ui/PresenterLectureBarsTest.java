package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.chart.ChartStyle;
import io.gatescope.chart.UnrolledView;
import io.gatescope.ui.canvas.ChartCanvas;
import io.gatescope.ui.lecture.scene.LecturePlayer;
import io.gatescope.ui.theme.UiTheme;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A lecturer at a 1280×720 projector in presenter mode, with a prepared lecture open (its note bar),
 * the what-if bar and the question bar: the cell diagram's numbers stay at least 24 px tall, the
 * unrolled strip stays on screen with characters as large, every bar the hall reads (the input line
 * and the time bar too) carries its text at 20 px or more on one screen, and no control covers another
 * or the diagram (the input line itself: {@link PresenterInputLineTest}).
 */
class PresenterLectureBarsTest extends WindowTestBase {

    @Test
    void withEveryLectureBarOpenTheDiagramsNumbersStayLegibleAndTheBarsUsable(FxRobot robot) throws Exception {
        var lecture = presenterWithBars(robot, l -> l.lecture().open(Path.of("assets/lectures/gates-memory-gradients.json")));
        await(() -> lecture.lecture().indexProperty().get() == 0 && lecture.lecture().bar().isVisible()
                && lecture.quiz().isVisible() && window.cell().canvas().chart() != null);
        settle();
        assertEveryBarReadableAndTheDiagramLegible("scene 1");
        // The note, the scene's whole point, wraps rather than being cut.
        Label note = robot.lookup("#" + LecturePlayer.NOTE_ID).queryAs(Label.class);
        assertThat(note.getHeight()).as("note shown in full").isGreaterThanOrEqualTo(note.prefHeight(note.getWidth()) - 0.5);
        assertThat(robot.lookup("#" + LecturePlayer.POSITION_ID).queryAs(Label.class).getText()).isEqualTo("1/8");

        // Leaving presenter mode gives the unrolled view its height and its title bar back.
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        await(() -> !app.view().presenterProperty().get() && window.splits().size() == 2);
        settle();
        assertThat(window.frames().get(0).header().isVisible()).isTrue();
        assertThat(window.frames().get(0).getMinHeight()).as("the strip's minimum back at the desk").isEqualTo(Region.USE_COMPUTED_SIZE);
        assertThat(window.unrolled().canvas().getHeight()).isGreaterThan(window.unrolled().stripHeight() - 0.5);
    }

    @Test
    void everyCombinationOfBarsAndFillingTheCellKeepsTheNumbersLegible(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        presenterOnProjector(robot);
        var lecture = window.lecture();
        Path file = Path.of("assets/lectures/gates-memory-gradients.json");
        for (int open = 0; open < 8; open++) {
            boolean clamp = (open & 1) != 0, quiz = (open & 2) != 0, note = (open & 4) != 0;
            robot.interact(() -> {
                lecture.clamp().setVisible(clamp);
                lecture.quiz().onProperty().set(quiz);
                if (note && !lecture.lecture().isOpen()) lecture.lecture().open(file);
                if (!note) lecture.lecture().close();
            });
            await(() -> lecture.lecture().bar().isVisible() == note && lecture.quiz().isVisible() == quiz);
            settle();
            String bars = (clamp ? "what-if " : "") + (quiz ? "question " : "") + (note ? "note" : "");
            assertThat(numberPx()).as("numbers with bars [%s]", bars).isGreaterThanOrEqualTo(UiTheme.LEGIBLE_PX);
            // (scene 1's bars leave the strip room for characters as large as the diagram's numbers)
            double strip = assertStripShown(bars, UiTheme.LEGIBLE_PX);
            // 2 fills the centre with the cell (the bars stay): the numbers never get smaller for it
            double shared = numberPx();
            robot.type(javafx.scene.input.KeyCode.DIGIT2);
            await(() -> window.maximised() == window.frames().get(1));
            settle();
            System.out.printf("presenter 1280x720, bars [%s]: cell numbers %.1f px, %.1f px filled (2), strip characters %.1f px%n",
                    bars, shared, numberPx(), strip);
            assertThat(numberPx()).as("numbers filled, bars [%s]", bars).isGreaterThanOrEqualTo(shared - 0.01);
            robot.type(javafx.scene.input.KeyCode.DIGIT2);
            await(() -> window.maximised() == null);
        }
    }

    /**
     * With the what-if, note and question bars open: the diagram's numbers and the strip legible, the bars one
     * above the other above the diagram, every control whole and on screen, none over another, every text at hall size.
     */
    private void assertEveryBarReadableAndTheDiagramLegible(String what) {
        var lecture = window.lecture();
        ChartStyle style = app.chartStyleBinding().get();
        var cell = window.cell().canvas();
        double numberPx = style.bodyFont().getSize2D() * cell.chartToLocal(1, 0).getX();
        System.out.printf("presenter 1280x720 with what-if, note and question bars, %s: cell numbers %.1f px, cell %.0fx%.0f%n",
                what, numberPx, cell.getWidth(), cell.getHeight());
        for (Node bar : ((Parent) window.getTop()).getChildrenUnmodifiable()) {
            if (bar.isVisible()) System.out.printf("    %s at y %.0f, %.0f px high%n", bar.getClass().getSimpleName(), inScene(bar).getMinY(), inScene(bar).getHeight());
        }
        assertThat(numberPx).as("cell diagram number size in px").isGreaterThanOrEqualTo(UiTheme.LEGIBLE_PX);
        assertThat(window.getScene().getHeight()).isEqualTo(720);

        // The bars, one above the other above the diagram, all on the screen.
        double strip = assertStripShown("all, " + what, UiTheme.HALL_TEXT_PX);
        System.out.printf("    strip characters %.1f px, time bar %.0f px high%n", strip, inScene(window.getBottom()).getHeight());
        Bounds diagram = inScene(cell);
        List<Region> bars = List.of(lecture.clamp(), lecture.lecture().bar(), lecture.quiz());
        double above = 0;
        for (Region bar : bars) {
            Bounds b = inScene(bar);
            assertThat(b.getMinY()).as("%s below the bar above it", bar).isGreaterThanOrEqualTo(above - 0.5);
            assertThat(b.getMaxY()).as("%s above the diagram", bar).isLessThanOrEqualTo(diagram.getMinY() + 0.5);
            assertThat(b.getMaxX()).as("%s on the screen", bar).isLessThanOrEqualTo(1280.5);
            above = b.getMaxY();
        }

        // Their text at presenter size, each control whole, none over another.
        List<Node> controls = new ArrayList<>();
        for (Region bar : bars) controls.addAll(controls(bar));
        assertThat(controls).hasSizeGreaterThan(10);
        for (Node c : controls) {
            Bounds b = inScene(c);
            assertThat(b.getMaxX()).as("%s on the screen", c).isLessThanOrEqualTo(1280.5);
            if (c instanceof Label l && !l.isWrapText()) {
                assertThat(l.getWidth()).as("\"%s\" shown whole", l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
            }
            for (Node d : controls) {
                if (d != c && !isAncestor(c, d) && !isAncestor(d, c)) {
                    assertThat(overlap(b, inScene(d))).as("%s over %s", c, d).isFalse();
                }
            }
        }
        // Every bar the hall reads, the input line and the time bar too, at a size the back row reads.
        for (Region bar : List.of(inputLine(window), lecture.clamp(), lecture.lecture().bar(), lecture.quiz(), (Region) window.getBottom())) {
            assertHallSizedText(bar);
        }
    }

    @Test
    void theWhatIfSceneHoldingTheGateKeepsItsAnswerAndEveryPickerReadable(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        presenterOnProjector(robot);
        var lecture = window.lecture();
        robot.interact(() -> {
            lecture.quiz().onProperty().set(true);
            lecture.lecture().open(Path.of("assets/lectures/gates-memory-gradients.json"));
        });
        await(() -> lecture.lecture().restoredProperty().get() == 1);
        // Scene 4 holds the decoder's forget gate at 0: the what-if bar opens with its answer beside the pickers.
        robot.interact(() -> lecture.lecture().go(3));
        await(() -> lecture.lecture().restoredProperty().get() == 2 && lecture.clamp().isVisible() && lecture.clamp().holding());
        Label answer = robot.lookup("#" + io.gatescope.ui.lecture.clamp.ClampPanel.ANSWER_ID).queryAs(Label.class);
        await(() -> answer.getText().matches("held: \\d+ {3}as trained: \\d+"));
        robot.type(javafx.scene.input.KeyCode.RIGHT);        // the question with its two answers
        await(() -> lecture.quiz().pending() != null);
        settle();
        assertEveryBarReadableAndTheDiagramLegible("scene 4, held");
        System.out.printf("presenter 1280x720, scene 4: what-if bar %.0f px high, answer \"%s\" at x %.0f–%.0f%n",
                lecture.clamp().getHeight(), answer.getText(), inScene(answer).getMinX(), inScene(answer).getMaxX());
        // no picker squeezed to an ellipsis ("dec…"): each as wide as its text asks
        for (Node c : controls(lecture.clamp())) {
            if (c instanceof Control k && !(c instanceof Label)) {
                assertThat(k.getWidth()).as("%s whole", k).isGreaterThanOrEqualTo(k.prefWidth(-1) - 0.5);
            }
        }
    }

    /** A note a lecturer might well write: six lines or more at 20 px on a 1280 px projector. */
    private static final String LONG_NOTE = "Watch the forget gate while the encoder reads the second number: "
            + "it stays close to one, so the cell state carries the first number's digits across the plus sign. "
            + "Now look at the input gate, which opens only when a digit arrives and closes on the separator. "
            + "Ask the class which of the four blocks decides what the decoder writes first, and why the answer "
            + "comes out reversed. Then press C to hold the forget gate at zero and compare the two answers: "
            + "without its memory the model forgets the first number and the sum it writes is wrong in every digit "
            + "that needed a carry. Finally step back with the left arrow and replay the whole sequence slowly.";

    @Test
    void aLongNoteScrollsInTwoLinesAndTheStripStaysAboveTheDiagram(FxRobot robot) throws Exception {
        var lecture = presenterWithBars(robot, l -> {
            l.lecture().addScene(LONG_NOTE);
            l.clamp().toggle();      // every bar at its tallest: the what-if bar holds a gate, its answer on a second line
        });
        Label answer = robot.lookup("#" + io.gatescope.ui.lecture.clamp.ClampPanel.ANSWER_ID).queryAs(Label.class);
        await(() -> lecture.lecture().bar().isVisible() && lecture.quiz().isVisible() && window.cell().canvas().chart() != null
                && lecture.clamp().holding() && answer.getText().startsWith("held"));
        settle();
        Label note = robot.lookup("#" + LecturePlayer.NOTE_ID).queryAs(Label.class);
        javafx.scene.control.ScrollPane box = scrollPaneOf(note);
        assertThat(note.getFont().getSize()).as("the note's text size in px").isGreaterThanOrEqualTo(UiTheme.HALL_TEXT_PX);
        assertHallSizedText(lecture.lecture().bar());
        // The strip stays between the bars and the diagram, readable; the diagram's numbers too.
        double strip = assertStripShown("what-if holding, question, six-line note", UiTheme.HALL_TEXT_PX);
        assertThat(numberPx()).as("cell numbers with a six-line note").isGreaterThanOrEqualTo(UiTheme.LEGIBLE_PX);
        // The bar shows its first two lines whole, and a scroll bar brings the rest into view.
        Bounds shown = inScene(box);
        List<Bounds> lines = lines(note);
        System.out.printf("presenter 1280x720, six-line note: note bar %.0f px high, %d lines of %.1f px, strip characters %.1f px%n",
                lecture.lecture().bar().getHeight(), lines.size(), lines.get(0).getHeight(), strip);
        assertThat(lines).as("the note's lines").hasSizeGreaterThanOrEqualTo(6);
        for (int i = 0; i < 2; i++) {
            assertThat(lines.get(i).getMinY()).as("line %d's top in the note's window", i + 1).isGreaterThanOrEqualTo(shown.getMinY() - 0.5);
            assertThat(lines.get(i).getMaxY()).as("line %d's foot in the note's window", i + 1).isLessThanOrEqualTo(shown.getMaxY() + 0.5);
        }
        assertThat(lines.get(2).getMaxY()).as("line 3 below the window").isGreaterThan(shown.getMaxY() + 0.5);
        var bar = box.lookupAll(".scroll-bar").stream().filter(n -> n instanceof javafx.scene.control.ScrollBar b
                && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible()).findFirst();
        assertThat(bar).as("a scroll bar beside the note").isPresent();
        // and one a lecturer notices from the back of the hall: wide, its thumb standing out from what is behind it
        javafx.scene.control.ScrollBar scroll = (javafx.scene.control.ScrollBar) bar.get();
        assertThat(scroll.getWidth()).as("the note's scroll bar's width").isGreaterThanOrEqualTo(12);
        javafx.scene.layout.Region thumb = (javafx.scene.layout.Region) scroll.lookup(".thumb");
        assertThat(contrast(fill(thumb), behind(box))).as("the thumb's contrast with the bar behind it").isGreaterThanOrEqualTo(3);
        robot.interact(() -> box.setVvalue(box.getVmax()));
        settle();
        Bounds last = lines(note).get(lines.size() - 1);
        assertThat(last.getMaxY()).as("the last line scrolled into view").isLessThanOrEqualTo(inScene(box).getMaxY() + 0.5);
        assertThat(last.getMinY()).as("the last line scrolled into view").isGreaterThanOrEqualTo(inScene(box).getMinY() - 0.5);

        // At the desk, where the dividers give way instead, the note shows four lines.
        robot.interact(() -> app.view().presenterProperty().set(false));
        await(() -> !app.view().presenterProperty().get() && window.splits().size() == 2);
        robot.interact(() -> box.setVvalue(0));
        settle();
        List<Bounds> desk = lines(note);
        assertThat(desk.get(3).getMaxY()).as("line 4 at the desk").isLessThanOrEqualTo(inScene(box).getMaxY() + 0.5);
        assertThat(desk.get(4).getMaxY()).as("line 5 at the desk").isGreaterThan(inScene(box).getMaxY() + 0.5);
    }

    /** Presenter mode on the 720p projector, the what-if and question bars shown, then {@code scene} (on the FX thread). */
    private io.gatescope.ui.lecture.LectureTools presenterWithBars(FxRobot robot,
            java.util.function.Consumer<io.gatescope.ui.lecture.LectureTools> scene) throws Exception {
        awaitTrace("67+60");
        presenterOnProjector(robot);
        var lecture = window.lecture();
        robot.interact(() -> {
            lecture.clamp().setVisible(true);
            lecture.quiz().onProperty().set(true);
            scene.accept(lecture);
        });
        return lecture;
    }

    /** Each line of a label's wrapped text, top to bottom, in the scene's coordinates. */
    private static List<Bounds> lines(Label label) {
        javafx.scene.text.Text text = (javafx.scene.text.Text) label.getChildrenUnmodifiable().stream()
                .filter(c -> c instanceof javafx.scene.text.Text).findFirst().orElseThrow();
        List<Bounds> out = new ArrayList<>();
        javafx.scene.shape.Path outline = new javafx.scene.shape.Path(text.rangeShape(0, text.getText().length()));
        // one closed rectangle per line: MoveTo then four LineTo
        List<double[]> points = new ArrayList<>();
        for (javafx.scene.shape.PathElement e : outline.getElements()) {
            if (e instanceof javafx.scene.shape.MoveTo m) {
                addLine(text, points, out);
                points.add(new double[] {m.getX(), m.getY()});
            } else if (e instanceof javafx.scene.shape.LineTo l) {
                points.add(new double[] {l.getX(), l.getY()});
            }
        }
        addLine(text, points, out);
        out.sort(java.util.Comparator.comparingDouble(Bounds::getMinY));
        return out;
    }

    private static void addLine(javafx.scene.text.Text text, List<double[]> points, List<Bounds> out) {
        if (points.isEmpty()) return;
        double minX = points.stream().mapToDouble(p -> p[0]).min().orElseThrow(), maxX = points.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        double minY = points.stream().mapToDouble(p -> p[1]).min().orElseThrow(), maxY = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        out.add(text.localToScene(new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY)));
        points.clear();
    }

    private static javafx.scene.control.ScrollPane scrollPaneOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) if (p instanceof javafx.scene.control.ScrollPane s) return s;
        throw new AssertionError("the note is not in a scroll pane");
    }

    /**
     * The unrolled view is on screen as its one-line strip, whole, between the bars and the cell diagram,
     * with every step in it and its characters at least {@code characterPx}. Returns their size in px.
     */
    private double assertStripShown(String bars, double characterPx) {
        var frame = window.frames().get(0);
        ChartCanvas canvas = window.unrolled().canvas();
        assertThat(frame.isVisible() && canvas.isVisible()).as("strip visible with bars [%s]", bars).isTrue();
        Bounds b = inScene(canvas), top = inScene(window.getTop()), cell = inScene(window.cell().canvas());
        assertThat(b.getHeight()).as("strip height with bars [%s]", bars).isGreaterThan(0);
        assertThat(b.getMinY()).as("strip below the bars [%s]", bars).isGreaterThanOrEqualTo(top.getMaxY() - 0.5);
        assertThat(b.getMaxY()).as("strip above the cell diagram [%s]", bars).isLessThanOrEqualTo(cell.getMinY() + 0.5);
        assertThat(b.getMinX()).isGreaterThanOrEqualTo(-0.5);
        assertThat(b.getMaxX()).isLessThanOrEqualTo(1280.5);
        assertThat(canvas.chart()).isInstanceOf(UnrolledView.class);
        UnrolledView strip = (UnrolledView) canvas.chart();
        assertThat(strip.isStrip()).as("the one-line strip [%s]", bars).isTrue();
        assertThat(strip.window().size()).as("every step in it [%s]", bars).isEqualTo(app.totalSteps());
        double scale = canvas.chartToLocal(1, 0).getX();
        // the whole strip drawn inside the canvas, its characters readable
        assertThat(strip.preferredSize().height() * scale).as("strip drawn whole [%s]", bars).isLessThanOrEqualTo(b.getHeight() + 0.5);
        double characters = strip.characterSize() * scale;
        assertThat(characters).as("strip characters in px, bars [%s]", bars).isGreaterThanOrEqualTo(characterPx);
        return characters;
    }

    /** Every piece of text in {@code bar} (labels, buttons, pickers, fields) at least 20 px: the back row of a hall reads it. */
    static void assertHallSizedText(Region bar) {
        List<javafx.scene.text.Font> fonts = new ArrayList<>();
        for (Node n : bar.lookupAll("*")) {
            if (!n.isVisible() || n.getScene() == null || !shownIn(n, bar)) continue;
            if (n instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
                assertThat(l.getFont().getSize()).as("\"%s\" text size in %s", l.getText(), bar.getClass().getSimpleName())
                        .isGreaterThanOrEqualTo(UiTheme.HALL_TEXT_PX);
                fonts.add(l.getFont());
            } else if (n instanceof javafx.scene.control.TextInputControl t) {
                assertThat(t.getFont().getSize()).as("field text size in %s", bar.getClass().getSimpleName())
                        .isGreaterThanOrEqualTo(UiTheme.HALL_TEXT_PX);
                fonts.add(t.getFont());
            }
        }
        assertThat(fonts).as("text in %s", bar.getClass().getSimpleName()).isNotEmpty();
        System.out.printf("presenter 1280x720: %s text %.1f–%.1f px%n", bar.getClass().getSimpleName(),
                fonts.stream().mapToDouble(javafx.scene.text.Font::getSize).min().orElse(0),
                fonts.stream().mapToDouble(javafx.scene.text.Font::getSize).max().orElse(0));
    }

    /** Whether {@code n} and every parent up to {@code bar} are visible (a hidden picker's popup cells are not shown). */
    static boolean shownIn(Node n, Node bar) {
        for (Node p = n; p != null && p != bar; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }

    private double numberPx() {
        return app.chartStyleBinding().get().bodyFont().getSize2D() * window.cell().canvas().chartToLocal(1, 0).getX();
    }

    /** Lets the arrangement that follows a change of the bars' height run, and lays out. */
    private void settle() throws Exception {
        settle(window);
    }

    static void settle(MainWindow window) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(5);
        WaitForAsyncUtils.asyncFx(() -> {
            window.applyCss();
            window.layout();
        }).get();
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    /** The row with the input and, in presenter mode, the notice. */
    static Region inputLine(MainWindow window) {
        return (Region) window.lookup(".input-line");
    }

    private static List<Node> controls(Parent p) {
        List<Node> out = new ArrayList<>();
        for (Node n : p.getChildrenUnmodifiable()) {
            if (!n.isVisible() || !n.isManaged()) continue;
            if (n instanceof Control) out.add(n);
            else if (n instanceof Parent q) out.addAll(controls(q));
        }
        return out;
    }

    private static boolean isAncestor(Node a, Node d) {
        for (Node n = d.getParent(); n != null; n = n.getParent()) if (n == a) return true;
        return false;
    }

    /** Overlap by more than a hairline (borders of neighbours may touch). */
    private static boolean overlap(Bounds a, Bounds b) {
        return Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX()) > 1
                && Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY()) > 1;
    }

    static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }
}
