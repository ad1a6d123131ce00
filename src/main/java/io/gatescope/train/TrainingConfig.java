package io.gatescope.train;

import static io.gatescope.train.TrainingSetting.*;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.CellNames;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of one training run: a value for every row of {@link TrainingSetting}, each checked
 * against its row when the config is made. Saving a run's settings into a model file, the settings
 * store or the form and restoring them is one loop over the table ({@link #values}, {@link #of}).
 */
public final class TrainingConfig {
    private final Map<TrainingSetting, Object> values;
    /** The settings given explicitly; the others follow the cell's defaults when the cell changes. */
    private final Map<TrainingSetting, Object> given;

    private TrainingConfig(Map<TrainingSetting, Object> given) {
        EnumMap<TrainingSetting, Object> v = new EnumMap<>(TrainingSetting.class);
        EnumMap<TrainingSetting, Object> g = new EnumMap<>(TrainingSetting.class);
        Object cellGiven = given.containsKey(CELL) ? normalise(CELL, given.get(CELL)) : CELL.defaultValue();
        String cell = cellGiven instanceof String c ? c : (String) CELL.defaultValue();
        for (TrainingSetting s : TrainingSetting.values()) {
            Object value = given.containsKey(s) ? normalise(s, given.get(s)) : s.defaultFor(cell);
            String problem = s.check(value);
            if (problem != null) throw new IllegalArgumentException(problem);
            v.put(s, value);
            if (given.containsKey(s)) g.put(s, value);
        }
        this.values = Collections.unmodifiableMap(v);
        this.given = g;
    }

    /** Every setting at its table default. */
    public static TrainingConfig defaults() {
        return new TrainingConfig(Map.of());
    }

    /** The defaults with this cell and hidden size. */
    public static TrainingConfig defaults(String cell, int hidden) {
        return defaults().with(CELL, cell).with(HIDDEN, hidden);
    }

    /** The given settings, the table's defaults for the rest; a bad value throws with the table's message. */
    public static TrainingConfig of(Map<TrainingSetting, ?> settings) {
        EnumMap<TrainingSetting, Object> v = new EnumMap<>(TrainingSetting.class);
        v.putAll(settings);
        return new TrainingConfig(v);
    }

    /**
     * A copy with one setting given; a bad value throws with the table's message. Settings never given
     * take the new cell's defaults when {@code s} is the cell ({@link TrainingSetting#defaultFor}).
     */
    public TrainingConfig with(TrainingSetting s, Object value) {
        EnumMap<TrainingSetting, Object> v = new EnumMap<>(TrainingSetting.class);
        v.putAll(given);
        v.put(s, value);
        return new TrainingConfig(v);
    }

    /** Whether {@code s} was given explicitly rather than taken from the (cell's) default. */
    public boolean isGiven(TrainingSetting s) { return given.containsKey(s); }

    /** Every setting's value, in table order. */
    public Map<TrainingSetting, Object> values() { return values; }

    /** The settings as a model file's notes or the settings store hold them: key → value, in table order. */
    public Map<String, Object> notes() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<TrainingSetting, Object> e : values.entrySet()) {
            if (e.getKey() != THREADS) m.put(e.getKey().key(), e.getValue()); // the result does not depend on it
        }
        return m;
    }

    /** Reads notes written by {@link #notes} (keys it does not know are ignored; missing ones take defaults). */
    public static TrainingConfig fromNotes(Map<String, ?> notes) {
        EnumMap<TrainingSetting, Object> v = new EnumMap<>(TrainingSetting.class);
        for (TrainingSetting s : TrainingSetting.values()) {
            Object value = notes.get(s.key());
            if (value != null && s != THREADS) v.put(s, value);
        }
        return new TrainingConfig(v);
    }

    public String cell() { return (String) values.get(CELL); }

    public int hidden() { return integer(HIDDEN); }

    public int batch() { return integer(BATCH); }

    public double learningRate() { return real(LEARNING_RATE); }

    public int epochs() { return integer(EPOCHS); }

    public long seed() { return ((Number) values.get(SEED)).longValue(); }

    /** Clip gradients to this global L2 norm; 0 turns clipping off. */
    public double clipNorm() { return real(CLIP); }

    /** Stop once validation full-sequence accuracy reaches this; 0 never stops early. */
    public double untilAccuracy() { return real(UNTIL_ACCURACY); }

    /** Stop after this many epochs without a lower validation loss; 0 never stops for that. */
    public int patience() { return integer(PATIENCE); }

    public double timeLimitSeconds() { return real(TIME_LIMIT); }

    public String optimizer() { return (String) values.get(OPTIMIZER); }

    public double momentum() { return real(MOMENTUM); }

    public int datasetSize() { return integer(EXAMPLES); }

    public double validationFraction() { return real(VALIDATION); }

    public int threads() { return integer(THREADS); }

    public double lrDecay() { return real(LR_DECAY); }

    /** The decay stops at this fraction of the starting learning rate. */
    public double lrFloor() { return real(LR_FLOOR); }

    /** Whether the questions are read backwards (the Keras addition example's trick). */
    public boolean reversed() { return (Boolean) values.get(REVERSED); }

    public boolean isDense() { return cell().equals("dense"); }

    /** The recurrent cell; {@code rnn} is Keras' SimpleRNN (tanh). */
    public CellKind cellKind() {
        return CellNames.parse(cell());
    }

    public TrainingConfig withEpochs(int e) { return with(EPOCHS, e); }

    public TrainingConfig withThreads(int n) { return with(THREADS, n); }

    private int integer(TrainingSetting s) { return ((Number) values.get(s)).intValue(); }

    private double real(TrainingSetting s) { return ((Number) values.get(s)).doubleValue(); }

    /** Accepts what files and callers naturally hold: any Number for INT/REAL, text for every type. */
    private static Object normalise(TrainingSetting s, Object value) {
        if (value instanceof String text && s.type() != TrainingSetting.Type.CHOICE) return s.parse(text);
        return switch (s.type()) {
            case INT -> value instanceof Number n && n.doubleValue() == n.longValue() ? (Object) n.longValue() : value;
            case REAL -> value instanceof Number n ? (Object) n.doubleValue() : value;
            case CHOICE -> value instanceof String t ? t.strip().toLowerCase(java.util.Locale.ROOT) : value;
            case BOOLEAN -> value;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig c && c.values.equals(values);
    }

    @Override
    public int hashCode() { return values.hashCode(); }

    @Override
    public String toString() { return "TrainingConfig" + notes(); }
}
