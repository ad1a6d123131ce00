package io.gatescope.task;

import io.gatescope.text.Quote;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The seeds' addition task: {@code a+b} with a, b in [0, 99], written as text over the alphabet
 * {@code 0123456789+}. The input is left-padded with '0' to five characters ({@code 7+8 → 007+8}),
 * the target is the sum left-padded to five ({@code 00015}); both are one-hot, 5×11, and a prediction
 * is read back by argmax per step.
 */
public final class AdditionTask {
    /** The alphabet, index-aligned with the one-hot positions. */
    public static final String ALPHABET = "0123456789+";
    public static final List<String> VOCABULARY = ALPHABET.chars().mapToObj(c -> String.valueOf((char) c)).toList();
    public static final int SYMBOLS = ALPHABET.length();
    public static final int STEPS = 5;
    /** Characters of a too-long input that its message repeats. */
    private static final int QUOTED_AT_MOST = 20;
    public static final int MAX_OPERAND = 99;

    private AdditionTask() {
    }

    /** One example: the operands, the padded input text and the padded target text. */
    public record Example(int a, int b) {
        public Example {
            if (a < 0 || a > MAX_OPERAND || b < 0 || b > MAX_OPERAND) {
                throw new IllegalArgumentException("operands must be within 0.." + MAX_OPERAND + ", got " + a + " and " + b);
            }
        }

        /** The unpadded question, e.g. {@code 7+8}. */
        public String question() { return a + "+" + b; }

        /** The encoder's input text, e.g. {@code 007+8}. */
        public String input() { return pad(question()); }

        /** The input in the order the encoder reads it: as written, or reversed ({@code 8+700}); see {@link #reading}. */
        public String input(boolean reversed) { return reading(input(), reversed); }

        /**
         * The model's input sequence for this question: {@link #input(boolean)} one-hot, T×11. Every
         * run of an addition model on a typed sum (the trace, the gradients, an export) is fed this,
         * so a model trained on reversed input is read reversed in every view.
         */
        public double[][] sequence(boolean reversed) { return encode(input(reversed)); }

        /** What the model reads, for a caption: {@code 67+60}, or {@code 06+76 (67+60 reversed)}. */
        public String asRead(boolean reversed) { return reversed ? input(true) + " (" + input() + " reversed)" : input(); }

        /** The target text, e.g. {@code 00015}. */
        public String target() { return pad(Integer.toString(a + b)); }

        /** The symbol (index in {@link #ALPHABET}) the encoder reads at step {@code t}: {@link #input(boolean)}'s character. */
        public int inputSymbol(boolean reversed, int t) { return Symbols.TABLE[Symbols.at(this, reversed ? 1 : 0) + t]; }

        /** The symbol of the target at step {@code t}: {@link #target()}'s character. */
        public int targetSymbol(int t) { return Symbols.TABLE[Symbols.at(this, 2) + t]; }
    }

    /**
     * Every question's input, reversed input and target as symbols, made once from the texts above
     * (so the encoding is said once, by them). The trainer reads 80,000 examples a second, and making
     * their texts anew for every batch was most of the training's garbage: a young collection every
     * few seconds, each a pause in the window's frames.
     */
    private static final class Symbols {
        static final byte[] TABLE = build();

        static int at(Example e, int which) { return ((e.a() * (MAX_OPERAND + 1) + e.b()) * 3 + which) * STEPS; }

        private static byte[] build() {
            byte[] table = new byte[(MAX_OPERAND + 1) * (MAX_OPERAND + 1) * 3 * STEPS];
            for (int a = 0; a <= MAX_OPERAND; a++) {
                for (int b = 0; b <= MAX_OPERAND; b++) {
                    Example e = new Example(a, b);
                    String[] texts = {e.input(false), e.input(true), e.target()};
                    for (int which = 0; which < 3; which++) {
                        for (int t = 0; t < STEPS; t++) table[at(e, which) + t] = (byte) ALPHABET.indexOf(texts[which].charAt(t));
                    }
                }
            }
            return table;
        }
    }

    /** Left-pads with '0' to {@link #STEPS} characters, as the seeds' vectorize_example does. */
    public static String pad(String s) {
        if (s.length() > STEPS) throw new IllegalArgumentException("'" + s + "' is longer than " + STEPS + " characters");
        return "0".repeat(STEPS - s.length()) + s;
    }

    /**
     * The order in which the encoder reads a padded input: as written, or reversed, the trick of the
     * Keras addition example ({@code 67+60} is read as {@code 06+76}). Reversing puts each operand's
     * units digit, which decides the answer's last digit, closest to the decoder, so the first
     * dependencies the network must learn are short. Reversing twice gives the text back.
     */
    public static String reading(String padded, boolean reversed) {
        return reversed ? new StringBuilder(padded).reverse().toString() : padded;
    }

    /**
     * Parses what a user typed: digits and exactly one '+', at most five characters, both numbers 0–99.
     * Returns the example, or a message saying what was wrong and what is accepted.
     */
    public static Parsed parse(String text) {
        String s = text == null ? "" : text.strip();
        String accepted = "type two numbers from 0 to 99 joined by one '+', e.g. 67+60";
        if (s.isEmpty()) return Parsed.error("The input is empty: " + accepted + ".");
        if (s.length() > STEPS) {
            // a pasted page must not become a page-long message: shown escaped, cut, its length said
            return Parsed.error(String.format(Locale.ROOT, "'%s' has %,d characters, at most 5 fit: %s.",
                    Quote.text(s, QUOTED_AT_MOST), s.length(), accepted));
        }
        for (char c : s.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) return Parsed.error("'" + Quote.escape(String.valueOf(c)) + "' is not allowed, only digits and '+': " + accepted + ".");
        }
        int plus = s.indexOf('+');
        if (plus < 0 || plus != s.lastIndexOf('+')) return Parsed.error("'" + s + "' needs exactly one '+': " + accepted + ".");
        String left = s.substring(0, plus), right = s.substring(plus + 1);
        if (left.isEmpty() || right.isEmpty()) return Parsed.error("'" + s + "' needs a number on both sides of '+': " + accepted + ".");
        int a = Integer.parseInt(left), b = Integer.parseInt(right);
        if (a > MAX_OPERAND || b > MAX_OPERAND) return Parsed.error("'" + s + "' has a number above 99: " + accepted + ".");
        return new Parsed(Optional.of(new Example(a, b)), "");
    }

    /** The result of {@link #parse}: an example, or an error message for the user. */
    public record Parsed(Optional<Example> example, String error) {
        static Parsed error(String message) { return new Parsed(Optional.empty(), message); }

        public boolean ok() { return example.isPresent(); }
    }

    /** One-hot encoding of a five-character text into {@code out} (5×11, row-major). */
    public static void encode(String text, double[] out, int offset) {
        if (text.length() != STEPS) throw new IllegalArgumentException("expected " + STEPS + " characters, got '" + text + "'");
        java.util.Arrays.fill(out, offset, offset + STEPS * SYMBOLS, 0.0);
        for (int t = 0; t < STEPS; t++) {
            int k = ALPHABET.indexOf(text.charAt(t));
            if (k < 0) throw new IllegalArgumentException("'" + text.charAt(t) + "' is not in the alphabet " + ALPHABET);
            out[offset + t * SYMBOLS + k] = 1.0;
        }
    }

    /** The one-hot encoding of {@code text} as T×11 rows. */
    public static double[][] encode(String text) {
        double[] flat = new double[STEPS * SYMBOLS];
        encode(text, flat, 0);
        double[][] rows = new double[STEPS][];
        for (int t = 0; t < STEPS; t++) rows[t] = java.util.Arrays.copyOfRange(flat, t * SYMBOLS, (t + 1) * SYMBOLS);
        return rows;
    }

    /** Reads a T×11 matrix of scores back into text by argmax per step (first maximum wins, as numpy). */
    public static String decode(double[][] scores) {
        StringBuilder sb = new StringBuilder();
        for (double[] row : scores) sb.append(ALPHABET.charAt(argmax(row, 0, row.length)));
        return sb.toString();
    }

    /** Index of the largest of {@code n} numbers starting at {@code off}, relative to {@code off}. */
    public static int argmax(double[] v, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) if (v[off + i] > v[off + best]) best = i;
        return best;
    }

    /** {@code n} examples with both operands uniform in [0, 99], drawn from {@code rng}. */
    public static List<Example> sample(int n, SplittableRandom rng) {
        Example[] out = new Example[n];
        for (int i = 0; i < n; i++) out[i] = new Example(rng.nextInt(MAX_OPERAND + 1), rng.nextInt(MAX_OPERAND + 1));
        return List.of(out);
    }
}
