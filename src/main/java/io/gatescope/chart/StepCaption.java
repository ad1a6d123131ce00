package io.gatescope.chart;

import io.gatescope.engine.trace.ModelTrace;

/**
 * Where a step sits in a run, said the way the status bar, the equations and every exported
 * picture say it: "Encoder step 3 of 5 · reads '+'", "Decoder step 2 of 3 · predicts '2'".
 */
public final class StepCaption {
    private StepCaption() {
    }

    /** The caption of step {@code t} of {@code trace} (encoder steps first, then the decoder's). */
    public static String of(ModelTrace trace, int t) {
        TimeAxis axis = new TimeAxis(trace);
        boolean decoder = axis.isDecoder(t);
        int local = decoder ? t - axis.encoderLength() : t;
        int length = decoder ? trace.decoder().length() : trace.encoder().length();
        String part = trace.hasDecoder() ? (decoder ? "Decoder step" : "Encoder step") : "Step";
        String symbol = axis.label(t);
        String what = decoder ? " · predicts '" + symbol + "'" : " · reads " + (symbol.length() == 1 ? "'" + symbol + "'" : symbol);
        return part + " " + (local + 1) + " of " + length + what;
    }
}
