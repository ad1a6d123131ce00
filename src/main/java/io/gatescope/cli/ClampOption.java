package io.gatescope.cli;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.ClampSpec;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.engine.GateClamp;
import io.gatescope.engine.GateClamps;
import io.gatescope.engine.SequenceModel;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The repeatable {@code --clamp SPEC} option of trace and predict: hold a gate at a constant (what-if). */
final class ClampOption {
    @Option(names = "--clamp", paramLabel = "SPEC",
            description = {"Hold a gate at a constant after its nonlinearity (repeatable; later ones win where they overlap):",
                    "GATE=VALUE[@T|@T1-T2][#U|#U1-U2], steps and units from 0, inclusive (" + ClampSpec.STEP_ZERO + ");",
                    "GATE is a gate letter in",
                    "PyTorch's names (i f g o for the LSTM, r z n for the GRU); encoder. or decoder. picks one stack",
                    "of an encoder-decoder. Examples: f=0@2-4, o=1#1-3, decoder.f=0."})
    private List<String> specs = new ArrayList<>();

    /** The clamps for a recurrent stack (it counts as the encoder), or a usage error naming the bad spec. */
    GateClamps forStack(CommandLine cmd, CellKind kind, int hidden, int steps) {
        return resolve(cmd, kind, hidden, steps, 0);
    }

    /** The clamps for an addition model; the dense baseline accepts none. */
    GateClamps forModel(CommandLine cmd, SequenceModel model) {
        if (specs.isEmpty()) return GateClamps.NONE;
        if (!(model instanceof EncoderDecoder ed)) {
            throw new ParameterException(cmd, "--clamp: the dense baseline has no gates to hold; clamps need an encoder_decoder model");
        }
        return resolve(cmd, ed.kind(), ed.hiddenSize(), ed.inputSteps(), ed.outputSteps());
    }

    private GateClamps resolve(CommandLine cmd, CellKind kind, int hidden, int encoderSteps, int decoderSteps) {
        List<GateClamp> out = new ArrayList<>();
        for (String s : specs) {
            try {
                GateClamps one = GateClamps.of(ClampSpec.parse(s).toClamp(kind));
                String problem = one.problem(kind, hidden, encoderSteps, decoderSteps);
                if (problem != null) throw new IllegalArgumentException("clamp '" + s.strip() + "': " + problem);
                out.addAll(one.clamps());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cmd, "--clamp: " + e.getMessage());
            }
        }
        return new GateClamps(out);
    }
}
