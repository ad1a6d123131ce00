package io.gatescope.ui.help;

import atlantafx.base.theme.Styles;
import io.gatescope.ui.KeyBindings;
import io.gatescope.ui.KeyBindings.Binding;
import io.gatescope.ui.KeyBindings.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The keyboard shortcut sheet (F1 or ?): every row of the window's {@link KeyBindings} table,
 * grouped by section, so it lists exactly the keys the window answers. Rows that do the same
 * thing with different keys (F5 and P) share one line.
 */
public final class ShortcutSheet {
    public static final String ID = "shortcutSheet";
    public static final String KEY_STYLE = "shortcut-key";
    public static final String ACTION_STYLE = "shortcut-action";

    private final KeyBindings keys;
    private final List<String> stylesheets;
    private Stage stage;

    /** @param stylesheets the window's sheets, so the sheet wears the same theme and zoom */
    public ShortcutSheet(KeyBindings keys, List<String> stylesheets) {
        this.keys = keys;
        this.stylesheets = stylesheets;
    }

    /** One line of the sheet: the keys and what they do. */
    public record Line(Section section, String keys, String action) {
    }

    /** The sheet's lines in order: sections in their order, rows in the table's, equal actions merged. */
    public static List<Line> lines(List<Binding> table) {
        Map<Section, Map<String, Set<String>>> grouped = new LinkedHashMap<>();
        for (Section s : Section.values()) grouped.put(s, new LinkedHashMap<>());
        for (Binding b : table) {
            grouped.get(b.section()).computeIfAbsent(b.action(), a -> new LinkedHashSet<>()).add(b.keyText());
        }
        List<Line> out = new ArrayList<>();
        grouped.forEach((section, rows) -> rows.forEach((action, k) -> out.add(new Line(section, String.join(" or ", k), action))));
        return out;
    }

    /** Shows the sheet beside {@code owner}, or brings it to the front; its content is rebuilt from the table. */
    public void show(Window owner, String rootStyle) {
        VBox content = new VBox();
        content.getStyleClass().add("shortcut-sheet");
        content.setStyle(rootStyle);
        // One grid for every section, so the actions line up down the whole sheet.
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        content.getChildren().add(grid);
        Section current = null;
        for (Line line : lines(keys.bindings())) {
            if (line.section() != current) {
                current = line.section();
                Label heading = new Label(current.title());
                heading.getStyleClass().addAll(Styles.TITLE_4, "shortcut-heading");
                grid.add(heading, 0, grid.getRowCount(), 2, 1);
            }
            Label k = new Label(line.keys());
            k.getStyleClass().add(KEY_STYLE);
            k.setMinWidth(Label.USE_PREF_SIZE);
            Label a = new Label(line.action());
            a.getStyleClass().add(ACTION_STYLE);
            a.setWrapText(true);
            grid.addRow(grid.getRowCount(), k, a);
        }
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId(ID);
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Keyboard shortcuts");
            stage.setScene(new Scene(scroll));
            stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.F1) {
                    stage.hide();
                    e.consume();
                }
            });
        } else {
            stage.getScene().setRoot(scroll);
        }
        stage.getScene().getStylesheets().setAll(stylesheets);
        // Tall enough for the whole sheet at the desk; on a small screen it scrolls.
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scroll.applyCss();
        double w = Math.min(screen.getWidth() * 0.9, content.prefWidth(-1) + 40);
        stage.setWidth(w);
        stage.setHeight(Math.min(screen.getHeight() * 0.9, content.prefHeight(w - 40) + 60));
        stage.show();
        stage.toFront();
    }

    /** The sheet's window while it shows, else null (for tests). */
    public Stage stage() { return stage; }
}
