package io.gatescope.ui.help;

import atlantafx.base.theme.Styles;
import io.gatescope.ui.controls.RichText;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The user guide (Help ▸ User guide) read from {@code docs/user-guide.md}, which the build packs
 * into the application, so the guide in the window is the guide in the repository, screenshots
 * included. It shows the Markdown the guide uses: headings, paragraphs, lists, tables, code blocks
 * and images; inline marks (bold, code) are dropped and {@code <sub>}/{@code <sup>} become real scripts.
 */
public final class UserGuide {
    public static final String ID = "userGuide";
    /** Where the build puts the docs folder inside the application. */
    static final String ROOT = "/io/gatescope/docs/";
    private static final Pattern IMAGE = Pattern.compile("!\\[([^]]*)]\\(([^)]+)\\)");

    private Stage stage;

    /** Shows the guide beside {@code owner}, or brings it to the front. */
    public void show(Window owner, List<String> stylesheets, String rootStyle) {
        if (stage == null) {
            VBox page = render(read());
            page.setStyle(rootStyle);
            ScrollPane scroll = new ScrollPane(page);
            scroll.setFitToWidth(true);
            scroll.setId(ID);
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle("Gatescope user guide");
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            stage.setScene(new Scene(scroll, Math.min(1000, screen.getWidth() * 0.9), screen.getHeight() * 0.85));
            stage.getScene().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) stage.hide();
            });
        }
        stage.getScene().getStylesheets().setAll(stylesheets);
        stage.show();
        stage.toFront();
    }

    public Stage stage() { return stage; }

    static String read() {
        try (InputStream in = UserGuide.class.getResourceAsStream(ROOT + "user-guide.md")) {
            if (in == null) return "# User guide\n\nThe user guide is not part of this build (docs/user-guide.md).";
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "# User guide\n\nThe user guide could not be read: " + e.getMessage();
        }
    }

    /** Lays out the Markdown as a column of headings, paragraphs, lists, tables, code and images. */
    static VBox render(String markdown) {
        VBox page = new VBox();
        page.getStyleClass().add("user-guide");
        String[] lines = markdown.split("\n", -1);
        StringBuilder para = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#") || line.startsWith("|") || line.startsWith("```")
                    || line.startsWith("- ") || IMAGE.matcher(line).matches()) {
                flush(page, para);
            }
            if (line.isBlank()) continue;
            if (line.startsWith("#")) {
                int level = line.indexOf(' ');
                Label h = new Label(inline(line.substring(level + 1)));
                h.setWrapText(true);
                h.getStyleClass().add(level <= 1 ? Styles.TITLE_1 : level == 2 ? Styles.TITLE_2 : Styles.TITLE_3);
                page.getChildren().add(h);
            } else if (line.startsWith("```")) {
                StringBuilder code = new StringBuilder();
                while (++i < lines.length && !lines[i].startsWith("```")) code.append(lines[i]).append('\n');
                Label c = new Label(code.toString().stripTrailing());
                c.getStyleClass().add("guide-code");
                page.getChildren().add(c);
            } else if (line.startsWith("|")) {
                List<String> rows = new ArrayList<>();
                for (; i < lines.length && lines[i].startsWith("|"); i++) rows.add(lines[i]);
                i--;
                page.getChildren().add(table(rows));
            } else if (IMAGE.matcher(line).matches()) {
                page.getChildren().add(image(IMAGE.matcher(line)));
            } else if (line.startsWith("- ")) {
                para.append("•  ").append(line.substring(2));
            } else {
                para.append(para.length() > 0 ? " " : "").append(line.strip());
            }
        }
        flush(page, para);
        return page;
    }

    private static void flush(VBox page, StringBuilder para) {
        if (para.length() == 0) return;
        Node text = text(para.toString(), "guide-paragraph");
        page.getChildren().add(text);
        para.setLength(0);
    }

    private static Node table(List<String> rows) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("guide-table");
        int r = 0;
        for (String row : rows) {
            if (row.matches("\\|[-|: ]+\\|?")) continue;         // the header's underline
            String[] cells = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length()).split("\\|");
            for (int c = 0; c < cells.length; c++) {
                javafx.scene.layout.Region cell = text(cells[c].strip(), r == 0 ? "guide-table-head" : "guide-table-cell");
                cell.setPrefWidth(cells.length == 2 && c == 0 ? 220 : 300);
                grid.add(cell, c, r);
            }
            r++;
        }
        return grid;
    }

    private static Node image(Matcher m) {
        m.matches();
        URL url = UserGuide.class.getResource(ROOT + m.group(2));
        VBox box = new VBox();
        box.getStyleClass().add("guide-figure");
        if (url != null) {
            ImageView view = new ImageView(new Image(url.toExternalForm(), 900, 0, true, true, true));
            box.getChildren().add(view);
        }
        Label caption = new Label(inline(m.group(1)));
        caption.setWrapText(true);
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        box.getChildren().add(caption);
        return box;
    }

    /**
     * A paragraph or table cell. Only text with HTML scripts goes through the rich-text markup, where an
     * underscore means a subscript; elsewhere an underscore is a character ({@code state_dict}).
     */
    private static javafx.scene.layout.Region text(String markdown, String style) {
        javafx.scene.layout.Region node;
        if (markdown.contains("<sub>") || markdown.contains("<sup>")) {
            node = RichText.flow(inline(markdown));
        } else {
            Label label = new Label(inline(markdown));
            label.setWrapText(true);
            node = label;
        }
        node.getStyleClass().add(style);
        return node;
    }

    /** Drops Markdown's inline marks and turns HTML scripts into the charts' rich-text scripts. */
    static String inline(String s) {
        return s.replaceAll("<sub>([^<]*)</sub>", "_{$1}").replaceAll("<sup>([^<]*)</sup>", "^{$1}")
                .replace("**", "").replace("`", "").replaceAll("(?<![\\w*])\\*([^*]+)\\*", "$1")
                .replaceAll("\\[([^]]+)]\\(([^)]+)\\)", "$1");
    }
}
