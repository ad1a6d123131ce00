package io.gatescope.engine.trace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A backward run through a stack of recurrent layers for one sequence.
 *
 * @param params parameter gradients keyed by PyTorch's state_dict names, each flat row-major
 * @param dx     dL/dx_t for the input sequence, T×I
 * @param dh0    dL/dh_0 per layer
 * @param dc0    dL/dc_0 per layer (LSTM; otherwise empty arrays)
 * @param steps  per layer, per step node gradients
 */
public record GradientTrace(Map<String, double[]> params, double[][] dx, double[][] dh0, double[][] dc0,
                            List<List<StepGradient>> steps) {
    public GradientTrace {
        // Keep state_dict order and own every array, as every trace record does.
        Map<String, double[]> ordered = new LinkedHashMap<>();
        params.forEach((k, v) -> ordered.put(k, v.clone()));
        params = Collections.unmodifiableMap(ordered);
        dx = deepCopy(dx);
        dh0 = deepCopy(dh0);
        dc0 = deepCopy(dc0);
        steps = steps.stream().map(List::copyOf).toList();
    }

    /** Parameter gradients by name: copies, so the record stays what it recorded. */
    @Override
    public Map<String, double[]> params() {
        Map<String, double[]> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }

    /** dL/dx_t, T×I, a copy. */
    @Override
    public double[][] dx() { return deepCopy(dx); }

    /** dL/dh_0 per layer, a copy. */
    @Override
    public double[][] dh0() { return deepCopy(dh0); }

    /** dL/dc_0 per layer, a copy. */
    @Override
    public double[][] dc0() { return deepCopy(dc0); }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }
}
