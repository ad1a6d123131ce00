package io.gatescope;

import io.gatescope.cli.Cli;

/**
 * The entry point of the jar: a plain class, not the JavaFX Application, so that the command line
 * runs without JavaFX on the module path and jpackage can launch it. Without arguments the
 * application window opens; with a command, the command runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            // GUI: wired when the ui package lands
            System.exit(Cli.run(new String[] {"--help"}));
        }
        System.exit(Cli.run(args));
    }
}
