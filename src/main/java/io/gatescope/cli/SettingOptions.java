package io.gatescope.cli;

import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The training settings as command-line options, made from the settings table: each row becomes
 * {@code --key VALUE} with the row's description, range and default in its help, and a bad value
 * is reported with the row's message. Commands call {@link #addTo} when picocli hands them their
 * spec, and {@link #read} in {@code call()}.
 */
final class SettingOptions {
    private SettingOptions() {
    }

    /** Adds an option for each of {@code settings} to {@code spec}. */
    static void addTo(CommandSpec spec, List<TrainingSetting> settings) {
        for (TrainingSetting s : settings) {
            spec.addOption(OptionSpec.builder(s.option())
                    .paramLabel(label(s))
                    .type(String.class)
                    // picocli formats descriptions with String.format: a literal % must be doubled
                    .description((sentence(s) + " Default: " + defaults(s) + ".").replace("%", "%%"))
                    .build());
        }
    }

    /** The table's defaults overridden by what the user gave for {@code settings}; a bad value is a usage error. */
    static TrainingConfig read(CommandSpec spec, List<TrainingSetting> settings, Map<TrainingSetting, Object> fixed) {
        Map<TrainingSetting, Object> values = new EnumMap<>(TrainingSetting.class);
        values.putAll(fixed);
        for (TrainingSetting s : settings) {
            String given = spec.findOption(s.option()).getValue();
            if (given == null) continue;
            try {
                values.put(s, s.parse(given));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), s.option() + ": " + e.getMessage());
            }
        }
        try {
            return TrainingConfig.of(values);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The row's default, and each cell's own where it differs: {@code 0.003 (lstm, gru: 0.01)}. */
    private static String defaults(TrainingSetting s) {
        if (!s.dependsOnCell()) return String.valueOf(s.defaultValue());
        java.util.Map<Object, java.util.List<String>> byValue = new java.util.LinkedHashMap<>();
        for (String cell : TrainingSetting.CELL.choices()) {
            Object v = s.defaultFor(cell);
            if (!v.equals(s.defaultValue())) byValue.computeIfAbsent(v, k -> new java.util.ArrayList<>()).add(cell);
        }
        StringBuilder sb = new StringBuilder(String.valueOf(s.defaultValue()));
        byValue.forEach((v, cells) -> sb.append(" (").append(String.join(", ", cells)).append(": ").append(v).append(')'));
        return sb.toString();
    }

    private static String label(TrainingSetting s) {
        return switch (s.type()) {
            case BOOLEAN -> "true|false";
            case CHOICE -> s.key().toUpperCase(java.util.Locale.ROOT);
            case INT -> "N";
            case REAL -> "X";
        };
    }

    /** The row's description as a sentence, with the accepted range unless the description lists the choices. */
    private static String sentence(TrainingSetting s) {
        if (s.type() == TrainingSetting.Type.CHOICE) return "One of: " + s.description() + ".";
        return Character.toUpperCase(s.description().charAt(0)) + s.description().substring(1) + ". Accepted: " + s.range() + ".";
    }
}
