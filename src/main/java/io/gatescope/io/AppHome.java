package io.gatescope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gatescope's folder in the user's home, where the window keeps {@code settings.json} and the command
 * line its crash logs: the {@code gatescope.home} system property when set (tests point it at a
 * temporary folder), else {@code ~/.gatescope}.
 */
public final class AppHome {
    private AppHome() {
    }

    public static Path folder() {
        String home = System.getProperty("gatescope.home");
        return home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".gatescope");
    }

    /**
     * The folder, made if it does not exist yet: the window's stores call this once, when they open,
     * and never again on a write, so a write after the folder was removed (a test's temporary home)
     * fails with a warning rather than quietly making it again. A folder that cannot be made shows
     * up as that write's warning.
     */
    public static Path made() {
        Path folder = folder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            // reported by the first write that needs it
        }
        return folder;
    }
}
