package io.gatescope.ui;

import javafx.application.Application;
import javafx.stage.Stage;

public final class GatescopeApp extends Application {
    public static void main(String[] args) {
        launch(GatescopeApp.class, args);
    }

    @Override public void start(Stage stage) {
    }
}
