package io.gatescope.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatescope.engine.CellKind;
import io.gatescope.engine.Dense;
import io.gatescope.engine.DenseBaseline;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentStack;
import io.gatescope.engine.SequenceModel;
import io.gatescope.task.AdditionTask;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gatescope's own model file: a header that says how to build the model (architecture, cell, sizes,
 * layers, steps, task), optional free-form training notes, and the state_dict in PyTorch's nested-list
 * form. Doubles are written as the shortest text that parses back to the same bits, so a file
 * round-trips exactly. See docs/formats.md.
 */
final class GatescopeFormat {
    static final String FORMAT = "gatescope-model";
    static final int VERSION = 1;
    static final String ENCODER_DECODER = "encoder_decoder", DENSE_BASELINE = "dense_baseline", STACK = "stack";

    private static final List<String> COMMON = List.of("format", "version", "architecture", "task", "training", "state_dict");
    private static final Map<String, List<String>> FIELDS = Map.of(
            ENCODER_DECODER, List.of("cell", "input_size", "hidden_size", "output_size", "layers", "peepholes",
                    "input_steps", "output_steps"),
            DENSE_BASELINE, List.of("input_size", "hidden_sizes", "output_size", "input_steps", "output_steps"),
            STACK, List.of("cell", "input_size", "hidden_size", "layers", "peepholes"));

    private GatescopeFormat() {
    }

    static ModelFile read(JsonInput in, JsonNode root) throws FileException {
        String format = in.string(root, "format");
        if (!format.equals(FORMAT)) throw in.error("format is \"" + format + "\"; expected \"" + FORMAT + "\"");
        int version = in.positiveInt(root, "version");
        if (version > VERSION) {
            throw in.error("version is " + version + ", newer than this Gatescope reads; expected " + VERSION);
        }
        String arch = in.string(root, "architecture");
        List<String> specific = FIELDS.get(arch);
        if (specific == null) {
            throw in.error("architecture is \"" + arch + "\"; expected one of " + ENCODER_DECODER + ", "
                    + DENSE_BASELINE + ", " + STACK);
        }
        List<String> allowed = new ArrayList<>(COMMON);
        allowed.addAll(specific);
        in.onlyFields(root, allowed, "a Gatescope " + arch + " model");
        Optional<String> task = root.hasNonNull("task") ? Optional.of(in.string(root, "task")) : Optional.empty();
        Map<String, Object> training = root.hasNonNull("training") ? JsonInput.toMap(in.object(root, "training")) : Map.of();
        ModelFile.Metadata meta = new ModelFile.Metadata(task, training);
        JsonNode stateDict = in.object(root, "state_dict");
        return switch (arch) {
            case STACK -> new ModelFile.Stack(readStack(in, root, stateDict), meta);
            case ENCODER_DECODER -> new ModelFile.Sequence(readEncoderDecoder(in, root, stateDict, task), meta);
            default -> new ModelFile.Sequence(readDenseBaseline(in, root, stateDict, task), meta);
        };
    }

    private static RecurrentStack readStack(JsonInput in, JsonNode root, JsonNode stateDict) throws FileException {
        CellKind kind = ModelFiles.cell(in, root);
        int inputSize = in.positiveInt(root, "input_size");
        int hidden = in.positiveInt(root, "hidden_size"), layers = in.positiveInt(root, "layers");
        boolean peep = peepholes(in, root, kind);
        double count = ModelFiles.recurrentParameters(kind, inputSize, hidden, layers, peep, true);
        RecurrentStack stack = ModelFiles.build(in, stateDict, count,
                () -> new RecurrentStack("", kind, inputSize, hidden, layers, peep));
        StateDicts.read(in, stateDict, stack.parameters(), StateDicts.needs(stack, ""));
        return stack;
    }

    private static EncoderDecoder readEncoderDecoder(JsonInput in, JsonNode root, JsonNode stateDict, Optional<String> task)
            throws FileException {
        CellKind kind = ModelFiles.cell(in, root);
        int inputSize = in.positiveInt(root, "input_size"), outputSize = in.positiveInt(root, "output_size");
        int hidden = in.positiveInt(root, "hidden_size"), layers = in.positiveInt(root, "layers");
        boolean peep = peepholes(in, root, kind);
        int inSteps = in.positiveInt(root, "input_steps"), outSteps = in.positiveInt(root, "output_steps");
        checkTask(in, task, inputSize, outputSize, inSteps, outSteps);
        double count = ModelFiles.recurrentParameters(kind, inputSize, hidden, layers, peep, true)
                + ModelFiles.recurrentParameters(kind, hidden, hidden, layers, peep, true)
                + ModelFiles.denseParameters(hidden, outputSize);
        EncoderDecoder model = ModelFiles.build(in, stateDict, count,
                () -> new EncoderDecoder(kind, inputSize, hidden, outputSize, inSteps, outSteps, layers, peep));
        Map<String, String> needs = new HashMap<>(StateDicts.needs(model.encoder(), "encoder"));
        needs.putAll(StateDicts.needs(model.decoder(), "decoder"));
        needs.putAll(StateDicts.needs(model.head()));
        StateDicts.read(in, stateDict, model.parameters(), needs);
        return model;
    }

    private static DenseBaseline readDenseBaseline(JsonInput in, JsonNode root, JsonNode stateDict, Optional<String> task)
            throws FileException {
        int inputSize = in.positiveInt(root, "input_size"), outputSize = in.positiveInt(root, "output_size");
        int inSteps = in.positiveInt(root, "input_steps"), outSteps = in.positiveInt(root, "output_steps");
        if (inSteps != outSteps) {
            throw in.error("output_steps is " + outSteps + " but a dense_baseline maps each step to one output;"
                    + " expected input_steps (" + inSteps + ")");
        }
        checkTask(in, task, inputSize, outputSize, inSteps, outSteps);
        int[] hidden = hiddenSizes(in, root);
        double count = 0;
        int width = inputSize;
        for (int h : hidden) {
            count += ModelFiles.denseParameters(width, h);
            width = h;
        }
        count += ModelFiles.denseParameters(width, outputSize);
        DenseBaseline model = ModelFiles.build(in, stateDict, count,
                () -> new DenseBaseline(inputSize, outputSize, inSteps, hidden));
        Map<String, String> needs = new HashMap<>();
        for (Dense d : model.layers()) needs.putAll(StateDicts.needs(d));
        StateDicts.read(in, stateDict, model.parameters(), needs);
        return model;
    }

    static void write(Path file, ModelFile content) throws FileException {
        List<Parameter> params = content instanceof ModelFile.Stack s ? s.stack().parameters()
                : ((ModelFile.Sequence) content).model().parameters();
        for (Parameter p : params) {
            double[] d = p.data();
            for (int i = 0; i < d.length; i++) {
                if (!Double.isFinite(d[i])) {
                    throw new FileException(file, "not saved: " + p.name() + "[" + i + "] is " + d[i]
                            + "; expected finite weights (the training has diverged)");
                }
            }
        }
        Json.write(file, g -> {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            int strip = 0;
            if (content instanceof ModelFile.Stack s) {
                RecurrentStack stack = s.stack();
                g.writeStringField("architecture", STACK);
                writeTask(g, content.metadata());
                writeRecurrent(g, stack.kind(), stack.inputSize(), stack.hiddenSize(), stack.numLayers(), stack.hasPeepholes());
                // A stack taken out of a larger model (encoder.*) is saved under PyTorch's bare names.
                strip = stack.prefix().length();
            } else {
                writeSequenceHeader(g, ((ModelFile.Sequence) content).model(), content.metadata());
            }
            if (!content.metadata().training().isEmpty()) {
                g.writeFieldName("training");
                g.writeObject(content.metadata().training());
            }
            StateDicts.write(g, params, strip);
            g.writeEndObject();
        });
    }

    private static void writeSequenceHeader(JsonGenerator g, SequenceModel model, ModelFile.Metadata meta) throws IOException {
        if (model instanceof EncoderDecoder ed) {
            g.writeStringField("architecture", ENCODER_DECODER);
            writeTask(g, meta);
            RecurrentStack enc = ed.encoder();
            writeRecurrent(g, enc.kind(), enc.inputSize(), enc.hiddenSize(), enc.numLayers(), enc.hasPeepholes());
        } else if (model instanceof DenseBaseline db) {
            g.writeStringField("architecture", DENSE_BASELINE);
            writeTask(g, meta);
            g.writeNumberField("input_size", db.inputSize());
            g.writeArrayFieldStart("hidden_sizes");
            for (Dense d : db.layers().subList(0, db.layers().size() - 1)) g.writeNumber(d.outputSize());
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("no file format for " + model.getClass().getSimpleName());
        }
        g.writeNumberField("output_size", model.outputSize());
        g.writeNumberField("input_steps", model.inputSteps());
        g.writeNumberField("output_steps", model.outputSteps());
    }

    private static void writeTask(JsonGenerator g, ModelFile.Metadata meta) throws IOException {
        if (meta.task().isPresent()) g.writeStringField("task", meta.task().get());
    }

    private static void writeRecurrent(JsonGenerator g, CellKind kind, int input, int hidden, int layers, boolean peep)
            throws IOException {
        g.writeStringField("cell", kind.id());
        g.writeNumberField("input_size", input);
        g.writeNumberField("hidden_size", hidden);
        g.writeNumberField("layers", layers);
        g.writeBooleanField("peepholes", peep);
    }

    private static boolean peepholes(JsonInput in, JsonNode root, CellKind kind) throws FileException {
        boolean peep = in.bool(root, "peepholes");
        ModelFiles.checkPeepholes(in, kind, peep, "peepholes is true");
        return peep;
    }

    private static int[] hiddenSizes(JsonInput in, JsonNode root) throws FileException {
        JsonNode n = in.field(root, "hidden_sizes");
        if (!n.isArray()) throw in.error("hidden_sizes is " + JsonInput.describe(n) + "; expected a list of layer widths");
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode w = n.get(i);
            if (!w.isIntegralNumber() || !w.canConvertToInt() || w.intValue() < 1) {
                throw in.error("hidden_sizes[" + i + "] is " + JsonInput.describe(w) + "; expected a whole number of at least 1");
            }
            out[i] = w.intValue();
        }
        return out;
    }

    /** The addition task fixes the sizes: one input and output symbol per character of 0123456789+, five steps. */
    private static void checkTask(JsonInput in, Optional<String> task, int inputSize, int outputSize, int inSteps,
                                  int outSteps) throws FileException {
        if (task.filter(ModelFiles.ADDITION::equals).isEmpty()) return;
        int[] got = {inputSize, outputSize, inSteps, outSteps};
        int[] need = {AdditionTask.SYMBOLS, AdditionTask.SYMBOLS, AdditionTask.STEPS, AdditionTask.STEPS};
        String[] names = {"input_size", "output_size", "input_steps", "output_steps"};
        for (int i = 0; i < got.length; i++) {
            if (got[i] != need[i]) {
                throw in.error(names[i] + " is " + got[i] + " but the addition task needs " + need[i]
                        + (i < 2 ? " (one per symbol of " + AdditionTask.ALPHABET + ")" : " (five characters)"));
            }
        }
    }
}
