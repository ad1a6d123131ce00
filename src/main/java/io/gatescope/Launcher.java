package io.gatescope;

import io.gatescope.cli.Cli;
import io.gatescope.train.BackgroundPriority;
import io.gatescope.ui.GatescopeApp;

/**
 * The entry point of the jar: a plain class, not the JavaFX Application, so that the command line
 * runs without JavaFX on the module path and jpackage can launch it. Without arguments the
 * application window opens ({@code --scenes lecture.json} opens it on a lecture's first scene); with a
 * command, the command runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // The engine's kernels use the incubator Vector API; without the module they fail deep inside a
        // command with NoClassDefFoundError, so say up front how to start Java.
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            System.err.println("gatescope: start Java with --add-modules jdk.incubator.vector (bin/gatescope does)");
            System.exit(Cli.BAD_INPUT);
        }
        if (args.length == 0 || (args.length == 2 && args[0].equals("--scenes"))) {
            javafx.application.Application.launch(GatescopeApp.class, args);
            return;
        }
        // A command is batch work: it gives way to interactive programs, and trains as the window's
        // training thread does (threads it starts, the trainer's shard thread, inherit this).
        BackgroundPriority.lowerCurrentThread();
        System.exit(Cli.run(args));
    }
}
