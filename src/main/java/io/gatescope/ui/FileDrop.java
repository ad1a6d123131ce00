package io.gatescope.ui;

import java.io.File;
import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/** Dropping a file on the window opens it, as File ▸ Open… would: the first regular file of the drop. */
final class FileDrop {
    private FileDrop() {
    }

    static void install(Node target, AppModel app) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        target.setOnDragDropped(e -> drop(e, app));
    }

    private static void drop(DragEvent e, AppModel app) {
        boolean ok = false;
        if (e.getDragboard().hasFiles()) {
            for (File f : e.getDragboard().getFiles()) {
                if (f.isFile()) {
                    app.open(f.toPath());
                    ok = true;
                    break;
                }
            }
        }
        e.setDropCompleted(ok);
        e.consume();
    }
}
