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

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) out[i] = a[i].clone();
        return out;
    }
}
