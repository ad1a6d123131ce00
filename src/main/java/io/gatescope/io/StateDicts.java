package io.gatescope.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.engine.Dense;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentLayer;
import io.gatescope.engine.RecurrentStack;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A state_dict as {@code {k: v.tolist() for k, v in module.state_dict().items()}} writes it: parameter
 * name → nested list (a matrix) or flat list (a bias). Reading checks every name and shape against the
 * model built from the file's header and copies the numbers in.
 */
final class StateDicts {
    private StateDicts() {
    }

    /**
     * Copies {@code state_dict} into {@code params}; the keys must be exactly their names.
     * {@code needs} maps each name to who needs its shape, for messages ("an LSTM with hidden_size 4").
     */
    static void read(JsonInput in, JsonNode stateDict, List<Parameter> params, Map<String, String> needs)
            throws FileException {
        Set<String> expected = new LinkedHashSet<>();
        for (Parameter p : params) expected.add(p.name());
        for (Iterator<String> it = stateDict.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!expected.contains(key)) {
                throw in.error("state_dict has an unexpected key " + key + "; expected the keys " + String.join(", ", expected));
            }
        }
        for (Parameter p : params) {
            JsonNode node = stateDict.get(p.name());
            if (node == null) {
                throw in.error("state_dict is missing " + p.name() + "; expected the keys " + String.join(", ", expected));
            }
            String field = "state_dict." + p.name();
            p.set(in.numbers(node, field, p.rows(), isBias(p) ? 0 : p.cols(), needs.get(p.name())));
        }
    }

    /** Writes the {@code state_dict} field; names lose their first {@code strip} characters (a stack's prefix). */
    static void write(JsonGenerator g, List<Parameter> params, int strip) throws IOException {
        g.writeObjectFieldStart("state_dict");
        for (Parameter p : params) {
            g.writeFieldName(p.name().substring(strip));
            if (isBias(p)) {
                Json.vector(g, p.data());
            } else {
                Json.matrix(g, p.data(), p.rows(), p.cols());
            }
        }
        g.writeEndObject();
    }

    /**
     * Whether PyTorch stores the parameter as a 1-D tensor. Decided by name, not by
     * {@link Parameter#isVector()}: a weight_ih of an input_size-1 layer has one column yet is 2-D.
     */
    static boolean isBias(Parameter p) {
        String name = p.name().substring(p.name().lastIndexOf('.') + 1);
        return name.startsWith("bias");
    }

    /** Who needs each parameter's shape, per layer of a stack; {@code role} is "", "encoder" or "decoder". */
    static Map<String, String> needs(RecurrentStack stack, String role) {
        Map<String, String> out = new LinkedHashMap<>();
        String cell = withArticle(stack.kind().title()) + (role.isEmpty() ? "" : " " + role);
        int h = stack.hiddenSize();
        for (int k = 0; k < stack.numLayers(); k++) {
            RecurrentLayer l = stack.layer(k);
            String hidden = cell + " with hidden_size " + h;
            out.put(l.weightIh().name(), k == 0
                    ? cell + " with input_size " + l.inputSize() + " and hidden_size " + h
                    : "layer " + k + " of " + hidden + " (it reads layer " + (k - 1) + "'s h)");
            out.put(l.weightHh().name(), hidden);
            out.put(l.biasIh().name(), hidden);
            out.put(l.biasHh().name(), hidden);
            if (l.weightCh() != null) out.put(l.weightCh().name(), "a peephole " + stack.kind().title() + " with hidden_size " + h);
        }
        return out;
    }

    /** Who needs a dense layer's shapes. */
    static Map<String, String> needs(Dense dense) {
        String name = dense.weight().name();
        String who = "the dense layer " + name.substring(0, name.lastIndexOf('.')) + " (" + dense.inputSize()
                + " -> " + dense.outputSize() + ")";
        return Map.of(dense.weight().name(), who, dense.bias().name(), who);
    }

    /** "an LSTM", "a GRU", "an RNN (tanh)": acronyms take "an" before a vowel sound. */
    private static String withArticle(String title) {
        return ("AEFHILMNORSX".indexOf(title.charAt(0)) >= 0 ? "an " : "a ") + title;
    }
}
