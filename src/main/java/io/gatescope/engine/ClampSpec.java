package io.gatescope.engine;

import io.gatescope.engine.trace.ModelTrace;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clamp as written on the command line and in scene files: {@code [encoder.|decoder.]GATE=VALUE[@T |
 * @T1-T2][#U | #U1-U2]}, steps and units counted from 0, inclusive (step 0 is what the window shows as
 * t = 1: {@link ModelTrace#shownStep}); GATE is one of the cell's gate letters
 * in PyTorch's names ({@code i f g o} for the LSTM, {@code r z n} for the GRU, {@code u g} for the seeds'
 * single-gate GRU). Examples: {@code f=0@2-4}, {@code o=1#1-3}, {@code decoder.f=0}. Without a prefix the
 * clamp holds in both stacks. The gate letter is checked against a cell kind by {@link #toClamp}.
 */
public record ClampSpec(GateClamp.Where where, String gate, double value, int firstStep, int lastStep,
                        int firstUnit, int lastUnit) {
    /**
     * How a spec counts steps beside the window's numbering (a constant, so the command line's help can
     * say it; {@link ModelTrace#shownStep} converts each step).
     */
    public static final String STEP_ZERO = "step 0 is the window's t = " + ModelTrace.FIRST_STEP;

    /** What a spec looks like, for messages. */
    public static final String ACCEPTED = "GATE=VALUE[@T|@T1-T2][#U|#U1-U2] with an optional encoder. or decoder. prefix,"
            + " steps and units from 0 (" + STEP_ZERO + "), e.g. f=0@2-4, o=1#1-3, decoder.f=0";

    private static final Pattern SPEC = Pattern.compile(
            "(?:(encoder|decoder)\\.)?([a-z])=([^@#]+)(?:@([^#]*))?(?:#(.*))?");
    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})(?:-(\\d{1,6}))?");

    /** Reads a spec; the exception's message says what was wrong and what is accepted. */
    public static ClampSpec parse(String text) {
        String s = text == null ? "" : text.strip();
        Matcher m = SPEC.matcher(s);
        if (!m.matches()) {
            String why = s.isEmpty() ? "is empty" : !s.contains("=") ? "has no '=VALUE'"
                    : s.matches("[^.=]*\\..*=.*") && !s.startsWith("encoder.") && !s.startsWith("decoder.")
                    ? "has an unknown prefix; only encoder. and decoder. are accepted"
                    : "does not name one gate letter before '='";
            throw new IllegalArgumentException("clamp '" + s + "' " + why + "; expected " + ACCEPTED);
        }
        GateClamp.Where where = m.group(1) == null ? GateClamp.Where.BOTH : GateClamp.Where.fromId(m.group(1));
        double value;
        try {
            value = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("clamp '" + s + "': value '" + m.group(3) + "' is not a number; expected "
                    + ACCEPTED);
        }
        if (!Double.isFinite(value) || m.group(3).matches(".*[a-zA-Z].*")) {
            throw new IllegalArgumentException("clamp '" + s + "': value '" + m.group(3)
                    + "' is not a finite decimal number; expected " + ACCEPTED);
        }
        int[] steps = range(s, m.group(4), "@", "steps");
        int[] units = range(s, m.group(5), "#", "units");
        return new ClampSpec(where, m.group(2), value, steps[0], steps[1], units[0], units[1]);
    }

    private static int[] range(String spec, String text, String mark, String what) {
        if (text == null) return new int[] {0, GateClamp.END};
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("clamp '" + spec + "': " + what + " '" + mark + text
                    + "' must be " + mark + "N or " + mark + "N1-N2 with whole numbers from 0; expected " + ACCEPTED);
        }
        int first = Integer.parseInt(m.group(1)), last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
        if (last < first) {
            throw new IllegalArgumentException("clamp '" + spec + "': " + what + " " + first + "-" + last
                    + " run backwards; write the smaller first, e.g. " + mark + last + "-" + first);
        }
        return new int[] {first, last};
    }

    /** The clamp for a cell of kind {@code kind}; the message names the kind's gates when the letter is not one. */
    public GateClamp toClamp(CellKind kind) {
        CellAnatomy anatomy = kind.anatomy();
        int block = anatomy.find(gate).map(CellAnatomy.Block::index).orElse(-1);
        if (anatomy.isPlainRnn()) {
            throw new IllegalArgumentException("clamp '" + format() + "': the " + kind.title() + " has no gates to hold");
        }
        if (block < 0) {
            throw new IllegalArgumentException("clamp '" + format() + "': the " + kind.title() + " has no gate '" + gate
                    + "'; its gates are " + String.join(", ", anatomy.letters()));
        }
        return new GateClamp(where, block, value, firstStep, lastStep, firstUnit, lastUnit);
    }

    /** The spec of a clamp on a cell of kind {@code kind}: {@code format(toClamp(k))} reads back the same. */
    public static ClampSpec of(GateClamp c, CellKind kind) {
        return new ClampSpec(c.where(), kind.anatomy().block(c.block()).letter(), c.value(), c.firstStep(), c.lastStep(),
                c.firstUnit(), c.lastUnit());
    }

    /** The spec as text, in the form {@link #parse} reads. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        if (where != GateClamp.Where.BOTH) sb.append(where.id()).append('.');
        sb.append(gate).append('=').append(value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value));
        if (!(firstStep == 0 && lastStep == GateClamp.END)) sb.append('@').append(range(firstStep, lastStep));
        if (!(firstUnit == 0 && lastUnit == GateClamp.END)) sb.append('#').append(range(firstUnit, lastUnit));
        return sb.toString();
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
