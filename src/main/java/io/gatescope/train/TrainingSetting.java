package io.gatescope.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trainer's settings table: one row per setting with its key, type, default, range and
 * description. The command line's options, the model file's notes, the training panel's form and
 * the stored settings all read this table, and every message about a bad value comes from
 * {@link #check} or {@link #parse}, so a setting is added, documented and validated in one place.
 *
 * <p>The defaults are the recipe that trained the shipped 128-unit models to 99.8 % or more in 14 to 25
 * epochs (docs/performance.md): Adam at 0.003 decaying by 0.97 per epoch, batch 128, gradients clipped
 * at norm 1, and the seeds' 20,000 examples with a fifth held out for validation. Two rows differ by
 * cell ({@link #defaultFor}): the LSTM and the GRU start at 0.02 and decay by 0.8 per epoch, which brings
 * them to 96 % of unseen sums at 128 units in 4.25 to 4.5 and 3.25 to 4.25 epochs (7 to 9 at 0.01 without
 * decay; 0.04 never leaves the plateau; a decay of 0.7 is a little faster there but starves a 32-unit GRU,
 * which then never gets 30 % right); the SimpleRNN, which stalls near 82 % at 0.01, starts at 0.006 and
 * decays by 0.8 too, 5.75 to 7 epochs instead of 7.5 to 9.5 (seeds 1, 2, 3 each, docs/performance.md,
 * "The recipes"). The decay stops at a quarter of the starting rate ({@link #LR_FLOOR}): a steep decay suits
 * the 128-unit models, which reach their target before it matters, but would starve a smaller model that
 * needs many more epochs (a 32-unit LSTM got stuck near 34 % without the floor). A value given explicitly
 * always wins over either default.
 */
public enum TrainingSetting {
    CELL("cell", Type.CHOICE, "lstm", "the cell", List.of("lstm", "gru", "rnn", "dense", "rnn_relu", "gru_simple"),
            "lstm, gru, rnn (SimpleRNN, tanh), dense (the seeds' baseline), rnn_relu or gru_simple"),
    HIDDEN("hidden", Type.INT, 128, 1, 4096, "hidden size", "hidden units per layer"),
    OPTIMIZER("optimizer", Type.CHOICE, "adam", "optimizer", List.of("adam", "sgd"), "adam or sgd (with momentum)"),
    LEARNING_RATE("learning_rate", Type.REAL, 0.003, 0, Double.MAX_VALUE, "learning rate", "the optimiser's step size", Bound.OPEN, Bound.CLOSED),
    LR_DECAY("lr_decay", Type.REAL, 0.97, 0, 1, "learning-rate decay", "multiply the learning rate by this after every epoch (1 keeps it)", Bound.OPEN, Bound.CLOSED),
    LR_FLOOR("lr_floor", Type.REAL, 0.25, 0, 1, "learning-rate floor",
            "the decay stops at this fraction of the starting rate (0.25: a quarter); 0 lets it decay on"),
    MOMENTUM("momentum", Type.REAL, 0.9, 0, 1, "momentum", "SGD's momentum", Bound.CLOSED, Bound.OPEN),
    BATCH("batch", Type.INT, 128, 1, 65_536, "batch size", "examples per optimiser step"),
    EPOCHS("epochs", Type.INT, 100, 1, 1_000_000, "epochs", "at most this many passes over the training data"),
    SEED("seed", Type.INT, 1, Long.MIN_VALUE, Long.MAX_VALUE, "seed", "seed of the data, the initial weights and the shuffling"),
    CLIP("clip", Type.REAL, 1.0, 0, Double.MAX_VALUE, "clip", "clip the gradients' global norm to this; 0 turns clipping off"),
    UNTIL_ACCURACY("until_accuracy", Type.REAL, 0.0, 0, 1, "until-accuracy",
            "stop once the validation full-answer accuracy reaches this (e.g. 0.99); 0 never stops early"),
    PATIENCE("patience", Type.INT, 0, 0, 1_000_000, "patience",
            "stop after this many epochs without a validation loss 0.5 % below the best; 0 never stops for that"),
    TIME_LIMIT("time_limit", Type.REAL, 0.0, 0, Double.MAX_VALUE, "time limit", "stop after this many seconds; 0 means no limit"),
    REVERSED("reversed", Type.BOOLEAN, false, "reversed input",
            "read the question's digits backwards (67+60 as 06+76), the Keras example's trick: shorter dependencies"),
    EXAMPLES("examples", Type.INT, 20_000, 10, 10_000_000, "examples",
            "training examples plus validation sums; the validation, like the test, asks only questions never trained on"),
    VALIDATION("validation_fraction", Type.REAL, 0.2, 0, 1, "validation fraction",
            "fraction of the examples, and of the questions, held out for validation", Bound.OPEN, Bound.OPEN),
    THREADS("threads", Type.INT, Math.min(2, Runtime.getRuntime().availableProcessors()), 1, 2, "threads",
            "worker threads, 1 or 2 (the same result either way)");

    /** What kind of value a setting holds; the form picks its control by it. */
    public enum Type { INT, REAL, BOOLEAN, CHOICE }

    private enum Bound { OPEN, CLOSED }

    private final String key;
    private final Type type;
    private final Object defaultValue;
    private final double min;
    private final double max;
    private final Bound lower;
    private final Bound upper;
    private final List<String> choices;
    private final String label;
    private final String description;

    TrainingSetting(String key, Type type, Object defaultValue, String label, List<String> choices, String description) {
        this(key, type, defaultValue, 0, 0, label, description, Bound.CLOSED, Bound.CLOSED, choices);
    }

    TrainingSetting(String key, Type type, Object defaultValue, String label, String description) {
        this(key, type, defaultValue, 0, 0, label, description, Bound.CLOSED, Bound.CLOSED, List.of());
    }

    TrainingSetting(String key, Type type, Object defaultValue, double min, double max, String label, String description) {
        this(key, type, defaultValue, min, max, label, description, Bound.CLOSED, Bound.CLOSED, List.of());
    }

    TrainingSetting(String key, Type type, Object defaultValue, double min, double max, String label, String description,
                    Bound lower, Bound upper) {
        this(key, type, defaultValue, min, max, label, description, lower, upper, List.of());
    }

    TrainingSetting(String key, Type type, Object defaultValue, double min, double max, String label, String description,
                    Bound lower, Bound upper, List<String> choices) {
        this.key = key;
        this.type = type;
        this.defaultValue = type == Type.INT && !(defaultValue instanceof Long) ? Long.valueOf(((Number) defaultValue).longValue())
                : defaultValue;
        this.min = min;
        this.max = max;
        this.lower = lower;
        this.upper = upper;
        this.choices = choices;
        this.label = label;
        this.description = description;
    }

    /** The key in model files and the settings store, e.g. {@code until_accuracy}. */
    public String key() { return key; }

    /** The command-line option, e.g. {@code --until-accuracy}; two keep the short names the CLI always had. */
    public String option() {
        return switch (this) {
            case LEARNING_RATE -> "--lr";
            case VALIDATION -> "--validation";
            default -> "--" + key.replace('_', '-');
        };
    }

    public Type type() { return type; }

    /** The default: a Long (INT), Double (REAL), Boolean or String (CHOICE). */
    public Object defaultValue() { return defaultValue; }

    /** The default for {@code cell}: its own recipe's value where {@link #BY_CELL} has one, the row's otherwise. */
    public Object defaultFor(String cell) {
        Map<TrainingSetting, Object> recipe = BY_CELL.get(cell);
        return recipe != null && recipe.containsKey(this) ? recipe.get(this) : defaultValue;
    }

    /** Whether {@code cell}'s default differs from the row's (the help and the form say so). */
    public boolean dependsOnCell() {
        return BY_CELL.values().stream().anyMatch(r -> r.containsKey(this));
    }

    /**
     * The per-cell defaults, the only ones in the program (measured in docs/performance.md, "The
     * recipes"): a larger rate early and a steep decay, which shortens the plateau where the models
     * get a tenth of the sums right; every other cell and setting takes the row's default.
     */
    private static final Map<String, Map<TrainingSetting, Object>> BY_CELL = Map.of(
            "lstm", Map.of(LEARNING_RATE, 0.02, LR_DECAY, 0.8),
            "gru", Map.of(LEARNING_RATE, 0.02, LR_DECAY, 0.8),
            "rnn", Map.of(LEARNING_RATE, 0.006, LR_DECAY, 0.8));

    /** The accepted names of a CHOICE, in the order they are offered. */
    public List<String> choices() { return choices; }

    /** The short name used in messages and beside the form's field, e.g. {@code learning rate}. */
    public String label() { return label; }

    /** One sentence: what the setting does. */
    public String description() { return description; }

    /** What is accepted, in words: {@code 1..4096}, {@code within (0, 1]}, {@code adam or sgd}. */
    public String range() {
        return switch (type) {
            case BOOLEAN -> "true or false";
            case CHOICE -> String.join(", ", choices);
            case INT -> min == Long.MIN_VALUE ? "any whole number" : (long) min + ".." + (long) max;
            case REAL -> max == Double.MAX_VALUE
                    ? (lower == Bound.OPEN ? "a positive number" : "0 or a positive number")
                    : "within " + (lower == Bound.OPEN ? "(" : "[") + plain(min) + ", " + plain(max) + (upper == Bound.OPEN ? ")" : "]");
        };
    }

    /**
     * Reads a value typed by a user (command line, form, settings file). Throws an
     * IllegalArgumentException whose message says what is wrong and what is accepted.
     */
    public Object parse(String text) {
        String s = text == null ? "" : text.strip();
        try {
            Object v = switch (type) {
                case INT -> Long.parseLong(s.replace("_", "").replace(",", ""));
                case REAL -> Double.parseDouble(s);
                case BOOLEAN -> {
                    if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) throw new NumberFormatException();
                    yield Boolean.parseBoolean(s);
                }
                case CHOICE -> s.toLowerCase(Locale.ROOT);
            };
            String problem = check(v);
            if (problem != null) throw new IllegalArgumentException(problem);
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " must be " + range() + ", got '" + s + "'");
        }
    }

    /** Null when {@code value} is acceptable, otherwise the message for the user. */
    public String check(Object value) {
        boolean ok = switch (type) {
            case BOOLEAN -> value instanceof Boolean;
            case CHOICE -> value instanceof String s && choices.contains(s);
            case INT -> value instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() >= min && n.longValue() <= max;
            case REAL -> value instanceof Number n && Double.isFinite(n.doubleValue())
                    && (lower == Bound.OPEN ? n.doubleValue() > min : n.doubleValue() >= min)
                    && (upper == Bound.OPEN ? n.doubleValue() < max : n.doubleValue() <= max);
        };
        if (ok) return null;
        if (type == Type.CHOICE) return "unknown " + label.replace("the ", "") + " '" + value + "', expected " + range();
        return label + " must be " + (type == Type.INT && min != Long.MIN_VALUE ? "within " : "") + range() + ", got " + value;
    }

    /** The setting whose key (or option) is {@code name}, e.g. {@code until_accuracy} or {@code --until-accuracy}. */
    public static TrainingSetting byKey(String name) {
        for (TrainingSetting s : values()) if (s.key.equals(name) || s.option().equals(name)) return s;
        throw new IllegalArgumentException("unknown training setting '" + name + "'");
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
