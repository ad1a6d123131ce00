package io.gatescope.engine.trace;

import java.util.List;

/** A forward run of a stack of recurrent layers over one sequence; layer 0 reads the input. */
public record SequenceTrace(List<LayerTrace> layers) {
    public SequenceTrace {
        layers = List.copyOf(layers);
    }

    public LayerTrace top() { return layers.get(layers.size() - 1); }

    public int length() { return layers.get(0).length(); }
}
