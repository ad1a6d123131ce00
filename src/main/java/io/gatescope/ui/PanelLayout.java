package io.gatescope.ui;

import io.gatescope.ui.controls.PanelFrame;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The five panels and how they share the centre: the desk layout (unrolled view across the top;
 * cell, vectors and equations in the middle row; heatmaps below), the presenter layout (the unrolled
 * view above the cell diagram, nothing else, so both are large), or one panel filling it all.
 *
 * <p>A panel lives in one split pane at a time; when it moves (to the presenter layout, or to fill
 * the centre) a stand-in holds its place, and when it comes back every divider of every split pane
 * is put back exactly where it was: a split pane gives a re-inserted item a fresh divider otherwise.
 */
final class PanelLayout extends StackPane {
    private final PanelFrame unrolled, cell;
    private final PanelFrame[] frames;
    private final SplitPane desk, middle, presenter = new SplitPane();
    private final Region unrolledStandIn = new Region(), cellStandIn = new Region(), vacant = new Region();
    private boolean presenting;
    private PanelFrame maximised;
    private double[][] saved;

    /** @param frames the panels in the digit keys' order: unrolled, cell, vectors, equations, heatmaps */
    PanelLayout(PanelFrame... frames) {
        this.frames = frames.clone();
        this.unrolled = frames[0];
        this.cell = frames[1];
        middle = new SplitPane(frames[1], frames[2], frames[3]);
        desk = new SplitPane(frames[0], middle, frames[4]);
        desk.setOrientation(Orientation.VERTICAL);
        desk.setDividerPositions(0.22, 0.7);
        presenter.setOrientation(Orientation.VERTICAL);
        presenter.getStyleClass().add("presenter-layout");
        getStyleClass().add("panel-layout");
        getChildren().setAll(desk);
    }

    List<PanelFrame> frames() { return List.of(frames); }

    /** The split panes on screen now: the desk's outer and middle ones, or the presenter's one. */
    List<SplitPane> splits() { return presenting ? List.of(presenter) : List.of(desk, middle); }

    SplitPane desk() { return desk; }

    SplitPane middle() { return middle; }

    SplitPane presenter() { return presenter; }

    boolean presenting() { return presenting; }

    PanelFrame maximised() { return maximised; }

    /** Switches between the desk layout and the presenter layout, each keeping its own dividers. */
    void setPresenting(boolean on) {
        if (on == presenting) return;
        restore();
        if (on) {
            double[][] deskDividers = positions();
            replace(unrolled, unrolledStandIn);
            replace(cell, cellStandIn);
            presenter.getItems().setAll(unrolled, cell);
            restorePositions(deskDividers);
            getChildren().setAll(presenter);
        } else {
            double[][] deskDividers = positions();
            presenter.getItems().clear();
            replace(unrolledStandIn, unrolled);
            replace(cellStandIn, cell);
            restorePositions(deskDividers);
            getChildren().setAll(desk);
        }
        presenting = on;
    }

    /** Fills the centre with {@code frame}, or gives the space back if it already fills it. */
    void toggleMaximised(PanelFrame frame) {
        PanelFrame was = maximised;
        restore();
        if (was == frame) return;
        saved = positions();
        replace(frame, vacant);
        restorePositions(saved);
        maximised = frame;
        getChildren().setAll(frame);
    }

    /** Puts a panel that fills the centre back in its place, with every divider where it was. */
    void restore() {
        if (maximised == null) return;
        getChildren().clear();
        replace(vacant, maximised);
        maximised = null;
        restorePositions(saved);
        getChildren().setAll(presenting ? presenter : desk);
    }

    /** Every split pane's divider positions: desk outer, desk middle, presenter. */
    private double[][] positions() {
        return new double[][] {desk.getDividerPositions(), middle.getDividerPositions(), presenter.getDividerPositions()};
    }

    private void restorePositions(double[][] p) {
        desk.setDividerPositions(p[0]);
        middle.setDividerPositions(p[1]);
        if (p[2].length == presenter.getDividers().size()) presenter.setDividerPositions(p[2]);
    }

    /** Puts {@code with} where {@code node} is, in whichever split pane holds it. */
    private void replace(Node node, Node with) {
        for (SplitPane s : List.of(desk, middle, presenter)) {
            int i = s.getItems().indexOf(node);
            if (i >= 0) {
                s.getItems().set(i, with);
                return;
            }
        }
        throw new IllegalStateException("not in any split pane: " + node);
    }
}
