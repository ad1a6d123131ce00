package io.gatescope.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** The folder of shipped data (models, lectures), found the same way by the window and the command line. */
public final class Assets {
    private Assets() {
    }

    /**
     * Where assets live: the {@code gatescope.assets} system property; else {@code ./assets}; else
     * the nearest {@code assets} folder above the application's classes or jar (so the shipped models
     * are found whatever folder Gatescope was started from).
     */
    public static Path folder() {
        String property = System.getProperty("gatescope.assets");
        if (property != null) return Path.of(property);
        Path local = Path.of("assets");
        if (Files.isDirectory(local.resolve("models"))) return local;
        try {
            Path code = Path.of(Assets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = code; p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("assets").resolve("models"))) return p.resolve("assets");
            }
        } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
            // No usable code location (e.g. a custom class loader): the shipped models are looked for in ./assets.
        }
        return local;
    }
}
