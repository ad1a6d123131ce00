package io.gatescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a PyTorch module's weights: {@code {"cell", "input_size", "hidden_size", "state_dict"}} with the
 * state_dict of an {@code nn.LSTM}, {@code nn.GRU} or {@code nn.RNN} of any number of layers. The layer
 * count comes from the keys. Gatescope's weight layout is PyTorch's, so the import is a copy.
 *
 * <p>A module built with {@code bias=False} has no bias keys; it imports with zero biases, which
 * computes the same function. A file with some bias keys must have all of them.
 */
final class PyTorchWeights {
    static final List<String> FIELDS = List.of("cell", "input_size", "hidden_size", "state_dict");
    private static final Pattern KEY = Pattern.compile("(weight_ih|weight_hh|bias_ih|bias_hh|weight_ch)_l(\\d{1,6})");
    private static final String KEYS = "weight_ih_l{k}, weight_hh_l{k}, bias_ih_l{k} and bias_hh_l{k} for k = 0, 1, ..."
            + " (and weight_ch_l{k} for a peephole LSTM)";

    private PyTorchWeights() {
    }

    static ModelFile.Stack read(JsonInput in, JsonNode root) throws FileException {
        in.onlyFields(root, FIELDS, "a PyTorch weight file");
        CellKind kind = ModelFiles.cell(in, root);
        int inputSize = in.positiveInt(root, "input_size");
        int hiddenSize = in.positiveInt(root, "hidden_size");
        JsonNode stateDict = in.object(root, "state_dict");
        int layers = 0;
        boolean peepholes = false, biases = false;
        for (Iterator<String> it = stateDict.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Matcher m = KEY.matcher(key);
            if (!m.matches()) throw unexpected(in, key);
            layers = Math.max(layers, Integer.parseInt(m.group(2)) + 1);
            peepholes |= m.group(1).equals("weight_ch");
            biases |= m.group(1).startsWith("bias");
        }
        if (layers == 0) throw in.error("state_dict has no weights; expected " + KEYS);
        // Every layer needs its weight_ih; checking before building bounds the layer count by the file's size.
        for (int k = 0; k < layers; k++) {
            if (!stateDict.has("weight_ih_l" + k)) {
                throw in.error("state_dict is missing weight_ih_l" + k + "; a " + layers + "-layer module has " + KEYS);
            }
        }
        ModelFiles.checkPeepholes(in, kind, peepholes, "state_dict has peephole weights (weight_ch_l{k})");
        int k = layers;
        boolean peep = peepholes;
        double count = ModelFiles.recurrentParameters(kind, inputSize, hiddenSize, k, peep, biases);
        RecurrentStack stack = ModelFiles.build(in, stateDict, count,
                () -> new RecurrentStack("", kind, inputSize, hiddenSize, k, peep));
        List<Parameter> params = biases ? stack.parameters()
                : stack.parameters().stream().filter(p -> !StateDicts.isBias(p)).toList();
        StateDicts.read(in, stateDict, params, StateDicts.needs(stack, ""));
        return new ModelFile.Stack(stack, ModelFile.Metadata.NONE);
    }

    /** Names what PyTorch modules Gatescope cannot take, rather than just calling the key unexpected. */
    private static FileException unexpected(JsonInput in, String key) {
        if (key.endsWith("_reverse")) {
            return in.error("state_dict has " + key + ": bidirectional modules are not supported; expected a module"
                    + " built with bidirectional=False");
        }
        if (key.startsWith("weight_hr_l")) {
            return in.error("state_dict has " + key + ": LSTM projections (proj_size) are not supported; expected a"
                    + " module built with proj_size=0");
        }
        return in.error("state_dict has an unexpected key " + key + "; expected " + KEYS);
    }
}
