package io.gatescope.io;

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
}
