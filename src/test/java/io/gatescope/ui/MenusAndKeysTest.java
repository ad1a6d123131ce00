package io.gatescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.ui.controls.PanelFrame;
import io.gatescope.ui.controls.TimeBar;
import io.gatescope.ui.controls.WindowMenus;
import io.gatescope.ui.help.ShortcutSheet;
import io.gatescope.ui.input.InputBar;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The menu bar, the keyboard table and its sheet, views in the centre, and the panel fill that gives back the layout. */
class MenusAndKeysTest extends WindowTestBase {

    @Test
    void menuBarOnTopWithFileViewHelp(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        MenuBar bar = robot.lookup("#" + WindowMenus.BAR_ID).queryAs(MenuBar.class);
        Bounds b = bar.localToScene(bar.getBoundsInLocal());
        assertThat(b.getMinY()).as("at the top").isLessThan(3);
        assertThat(b.getMinX()).as("at the left").isLessThan(3);
        // The lecture tools add their menu; a menu another part adds goes before Help.
        assertThat(bar.getMenus()).extracting(m -> m.getText().replace("_", "")).containsExactly("File", "View", "Lecture", "Help");
        robot.interact(() -> window.menus().menu("Extra"));
        assertThat(bar.getMenus()).extracting(m -> m.getText().replace("_", "")).containsExactly("File", "View", "Lecture", "Extra", "Help");
        // Menu items with a key show the key of the table's row.
        MenuItem larger = window.menus().view().getItems().stream().filter(i -> "Larger text".equals(i.getText())).findFirst().orElseThrow();
        assertThat(larger.getAccelerator().getDisplayText()).contains("=");
    }

    @Test
    void f1ShowsEveryKeyOfTheTableAndARowAddedLater(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        AtomicInteger ran = new AtomicInteger();
        robot.interact(() -> window.keys().add(KeyBindings.Section.VIEW, "Show the clamp panel", ran::incrementAndGet,
                KeyBindings.key(KeyCode.K)));
        robot.clickOn(window.cell().canvas()).type(KeyCode.K);
        await(() -> ran.get() == 1);

        robot.type(KeyCode.F1);
        await(() -> window.shortcutSheet().stage() != null && window.shortcutSheet().stage().isShowing());
        List<String> keys = texts(robot, ShortcutSheet.KEY_STYLE), actions = texts(robot, ShortcutSheet.ACTION_STYLE);
        List<ShortcutSheet.Line> lines = ShortcutSheet.lines(window.keys().bindings());
        assertThat(keys).hasSize(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(keys.get(i)).isEqualTo(lines.get(i).keys());
            assertThat(actions.get(i)).isEqualTo(lines.get(i).action());
        }
        assertThat(row(keys, actions, "Space")).isEqualTo("Play or pause");
        assertThat(row(keys, actions, "F5 or P")).isEqualTo("Presenter mode on or off");
        assertThat(row(keys, actions, "F1 or ?")).isEqualTo("Keyboard shortcuts");
        assertThat(row(keys, actions, "K")).isEqualTo("Show the clamp panel");
        assertThat(row(keys, actions, "→")).isEqualTo("Next step");
        var sheet = window.shortcutSheet().stage();
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertThat(sheet.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(sheet.getY() + sheet.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
        robot.type(KeyCode.ESCAPE);
        await(() -> !sheet.isShowing());
    }

    @Test
    void helpShowsTheUserGuideWithItsScreenshots(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        MenuItem guide = window.menus().help().getItems().stream().filter(i -> "User guide".equals(i.getText())).findFirst().orElseThrow();
        robot.interact(guide::fire);
        await(() -> window.userGuide().stage() != null && window.userGuide().stage().isShowing());
        var root = window.userGuide().stage().getScene().getRoot();
        List<String> headings = new ArrayList<>();
        for (Node n : root.lookupAll(".title-2")) headings.add(((Label) n).getText());
        assertThat(headings).contains("The window", "For the lecture hall", "Keyboard");
        List<javafx.scene.image.ImageView> images = new ArrayList<>();
        for (Node n : root.lookupAll(".image-view")) images.add((javafx.scene.image.ImageView) n);
        assertThat(images).isNotEmpty();
        await(() -> images.get(0).getImage().getProgress() >= 1);
        assertThat(images.get(0).getImage().isError()).isFalse();
        assertThat(images.get(0).getImage().getWidth()).isGreaterThan(400);
        robot.interact(() -> window.userGuide().stage().hide());
    }

    @Test
    void spaceAndArrowsDriveTimeAfterAButtonWasClickedButTypeInTheField(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Button next = (Button) robot.lookup(".time-button").queryAll().stream()
                .filter(n -> n instanceof Button b && "Next step (→)".equals(b.getAccessibleText())).findFirst().orElseThrow();
        robot.clickOn(next);
        await(() -> app.stepProperty().get() == 1);
        assertThat(next.isFocused()).isTrue();
        robot.type(KeyCode.RIGHT);
        await(() -> app.stepProperty().get() == 2);
        robot.type(KeyCode.SPACE);
        await(() -> app.playingProperty().get());
        robot.type(KeyCode.SPACE);
        await(() -> !app.playingProperty().get());
        int step = app.stepProperty().get();
        robot.type(KeyCode.HOME);
        await(() -> app.stepProperty().get() == 0);
        assertThat(step).as("Space did not press the focused Next button").isLessThanOrEqualTo(app.totalSteps() - 1);

        // In the input field the same keys edit text.
        var field = robot.lookup("#" + InputBar.FIELD_ID).queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(field).type(KeyCode.END).type(KeyCode.LEFT);
        robot.interact(() -> { });
        assertThat(app.stepProperty().get()).isEqualTo(0);
        assertThat(field.getCaretPosition()).isEqualTo(field.getText().length() - 1);
    }

    @Test
    void aRegisteredViewFillsTheCentreAndThePanelsComeBackAsTheyWere(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        Label gradients = new Label("gradient view");
        MenuItem[] item = new MenuItem[1];
        robot.interact(() -> item[0] = window.addView("Gradients", gradients));
        double[] before = positions();
        robot.interact(() -> item[0].fire());
        await(() -> window.viewProperty().get() == gradients && gradients.getScene() != null);
        assertThat(window.viewProperty().get()).isSameAs(gradients);
        assertThat(window.panelsView().isVisible()).as("the panels, hidden behind the view").isFalse();
        assertThat(gradients.isVisible()).isTrue();
        // ... but still in the scene: coming back applies no style sheet again (docs/performance.md)
        assertThat(window.strips().canvases().get(0).getScene()).isSameAs(gradients.getScene());
        robot.interact(window::showPanels);
        await(() -> window.viewProperty().get() == window.panelsView());
        assertThat(positions()).containsExactly(before, within(1e-9));
        Menu view = window.menus().view();
        assertThat(view.getItems()).extracting(MenuItem::getText).startsWith("Panels").contains("Gradients");
    }

    @Test
    void fillingAndRestoringAPanelGivesBackEveryDivider(FxRobot robot) throws Exception {
        awaitTrace("67+60");
        robot.clickOn(window.cell().canvas());
        double[] before = positions();
        PanelFrame vectors = window.frames().get(2);
        double width = vectors.getWidth();
        assertThat(width).isGreaterThan(200);
        for (KeyCode digit : new KeyCode[] {KeyCode.DIGIT3, KeyCode.DIGIT2, KeyCode.DIGIT1, KeyCode.DIGIT5, KeyCode.DIGIT4}) {
            robot.type(digit);
            await(() -> window.maximised() != null && window.maximised().getScene() != null);
            robot.type(digit);
            await(() -> window.maximised() == null && window.viewProperty().get() == window.panelsView());
            assertThat(positions()).as("dividers after %s twice", digit).containsExactly(before, within(1e-9));
            assertThat(vectors.getWidth()).as("Vectors width after %s twice", digit).isCloseTo(width, within(1.0));
        }
        // 3 then 2 moves the fill from one panel to the other; 0 gives the space back.
        robot.type(KeyCode.DIGIT3).type(KeyCode.DIGIT2).type(KeyCode.DIGIT0);
        await(() -> window.maximised() == null && window.viewProperty().get() == window.panelsView());
        assertThat(positions()).containsExactly(before, within(1e-9));
    }

    private double[] positions() throws Exception {
        double[][] out = new double[1][];
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            window.applyCss();
            window.layout();
            List<Double> all = new ArrayList<>();
            for (SplitPane s : window.splits()) for (double d : s.getDividerPositions()) all.add(d);
            out[0] = all.stream().mapToDouble(Double::doubleValue).toArray();
        }).get();
        return out[0];
    }

    private static List<String> texts(FxRobot robot, String style) {
        List<String> out = new ArrayList<>();
        for (Node n : robot.lookup("." + style).queryAll()) out.add(((Label) n).getText());
        return out;
    }

    private static String row(List<String> keys, List<String> actions, String key) {
        return actions.get(keys.indexOf(key));
    }
}
