package io.gatescope.io;

import java.util.List;
import java.util.SplittableRandom;

/** Random JSON documents shaped like Gatescope's files: their field names, their shapes, hostile values. */
final class Generated {
    private static final List<String> KEYS = List.of("format", "version", "architecture", "task", "training", "state_dict",
            "cell", "input_size", "hidden_size", "output_size", "layers", "peepholes", "input_steps", "output_steps",
            "hidden_sizes", "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0", "weight_ch_l0", "weight_ih_l1",
            "weight_ih_l999999", "encoder.weight_ih_l0", "head.weight", "dense1.weight", "x", "model", "notation", "sequence",
            "recentFiles", "window", "step", "deskZoom", "weight_hr_l0", "weight_ih_l0_reverse", "",
            // a lecture's scenes and the window's autosave
            "title", "scenes", "note", "sub_step", "unit", "theme", "palette", "zoom", "presenter", "panel", "view",
            "dividers", "clamp", "clamp_on", "gradient_preset", "saved_at", "trained", "label", "settings", "weights", "hidden");
    private static final List<String> STRINGS = List.of("gatescope-model", "stack", "encoder_decoder", "dense_baseline",
            "addition", "lstm", "gru", "rnn_tanh", "rnn_relu", "gru_simple", "rnn", "", "\u0000", "\uFEFF", "é", "\\", "NaN",
            "gatescope-lecture", "LIGHT", "DARK", "shipped:lstm", "67+60", "whole", "cell", "heatmaps", "2026-11-28T10:00:00Z");
    private static final List<String> NUMBERS = List.of("0", "1", "-1", "2", "3", "4", "5", "11", "2147483647", "2147483648",
            "-2147483648", "9223372036854775807", "1e308", "1e999", "-0.0", "4.9e-324", "NaN", "Infinity", "-Infinity",
            "0.5", "6400000", "1.0", "1e-7", "123456789012345678901234567890");

    private Generated() {
    }

    static String document(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        value(sb, r, 0, true);
        return sb.toString();
    }

    private static void value(StringBuilder sb, SplittableRandom r, int depth, boolean root) {
        int kind = depth > 6 ? 3 + r.nextInt(4) : root ? r.nextInt(2) : r.nextInt(8);
        switch (kind) {
            case 0 -> {
                sb.append('{');
                int n = r.nextInt(12);
                for (int i = 0; i < n; i++) {
                    if (i > 0) sb.append(',');
                    sb.append('"').append(KEYS.get(r.nextInt(KEYS.size()))).append("\":");
                    value(sb, r, depth + 1, false);
                }
                sb.append('}');
            }
            case 1, 2 -> matrix(sb, r, depth);
            case 3, 4 -> sb.append(NUMBERS.get(r.nextInt(NUMBERS.size())));
            case 5 -> sb.append('"').append(STRINGS.get(r.nextInt(STRINGS.size())).replace("\\", "\\\\").replace("\u0000", "\\u0000")).append('"');
            case 6 -> sb.append(r.nextBoolean() ? "null" : r.nextBoolean() ? "true" : "false");
            default -> {
                sb.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) sb.append(',');
                    value(sb, r, depth + 1, false);
                }
                sb.append(']');
            }
        }
    }

    /** A list of rows, mostly rectangular, sometimes ragged or holding a non-number. */
    private static void matrix(StringBuilder sb, SplittableRandom r, int depth) {
        int rows = r.nextInt(6), cols = r.nextInt(5);
        sb.append('[');
        for (int i = 0; i < rows; i++) {
            if (i > 0) sb.append(',');
            if (r.nextInt(8) == 0) {
                value(sb, r, depth + 1, false);
                continue;
            }
            sb.append('[');
            int c = r.nextInt(10) == 0 ? r.nextInt(5) : cols;
            for (int j = 0; j < c; j++) {
                if (j > 0) sb.append(',');
                sb.append(r.nextInt(20) == 0 ? NUMBERS.get(r.nextInt(NUMBERS.size())) : Double.toString(r.nextDouble(-2, 2)));
            }
            sb.append(']');
        }
        sb.append(']');
    }
}
