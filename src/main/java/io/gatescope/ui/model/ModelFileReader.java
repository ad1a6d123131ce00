package io.gatescope.ui.model;

import io.gatescope.engine.EncoderDecoder;
import io.gatescope.io.FileException;
import io.gatescope.io.ModelFile;
import io.gatescope.io.ModelFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads Gatescope model files and PyTorch weight files through the io package, and decides how the
 * window treats them: an encoder–decoder over the addition alphabet takes typed input; a bare
 * recurrent stack takes a numeric sequence; a model without a recurrent cell cannot be shown.
 */
final class ModelFileReader {
    private ModelFileReader() {
    }

    static LoadedModel read(Path path) throws FileException {
        ModelFile file = ModelFiles.load(path);
        String name = path.getFileName().toString();
        String origin = path.toAbsolutePath() + describe(file.metadata());
        if (file instanceof ModelFile.Stack s) {
            return new LoadedModel.Stack(name, origin, s.stack());
        }
        if (ModelFiles.additionModel(path, file) instanceof EncoderDecoder ed) {
            return new LoadedModel.Addition(name, origin, true, ed, ModelFiles.readsReversed(file.metadata()));
        }
        throw new FileException(path, "holds the dense baseline, which has no recurrent cell to show;"
                + " Gatescope can show recurrent stacks and the addition encoder–decoders");
    }

    /** " — task addition; epochs 40, accuracy 0.98" from the file's training notes. */
    private static String describe(ModelFile.Metadata m) {
        StringBuilder sb = new StringBuilder();
        m.task().ifPresent(t -> sb.append(" — task ").append(t));
        Map<String, Object> notes = m.training();
        if (!notes.isEmpty()) {
            sb.append(sb.length() == 0 ? " — " : "; ").append(notes.entrySet().stream()
                    .filter(e -> !(e.getValue() instanceof Map) && !(e.getValue() instanceof java.util.List))
                    .limit(6).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }
}
