package io.gatescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.EncoderDecoder;
import io.gatescope.train.Trainer;
import io.gatescope.train.TrainingConfig;
import io.gatescope.train.TrainingSetting;
import io.gatescope.ui.settings.Autosave;
import io.gatescope.ui.settings.SettingsStore;
import io.gatescope.ui.settings.ViewSettings;
import io.gatescope.ui.training.TrainedWeights;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A bounded fuzzer of every JSON reader: generated documents (a grammar of the fields and shapes the
 * formats use, with hostile values) and mutated copies of real files (bytes cut, repeated, replaced,
 * tokens inserted). Each reader must either read the document or throw its documented input error,
 * {@link FileException}; anything else (a NullPointerException, an OutOfMemoryError, a
 * NegativeArraySizeException) fails. The default build runs {@code jqwik.tries.default} documents per
 * reader (a few seconds); {@code mvn test -Pfuzz -Dtest=ReaderFuzzTest} runs many more.
 */
class ReaderFuzzTest {
    private static Path dir;
    private static List<byte[]> seeds;

    @BeforeContainer
    static void seeds() throws Exception {
        dir = Files.createTempDirectory("gatescope-fuzz");
        Path torch = Fixtures.torch("lstm"), gru = Fixtures.torch("gru");
        Path saved = dir.resolve("ed.json");
        ModelFiles.save(saved, new ModelFile.Sequence(new EncoderDecoder(CellKind.GRU, 11, 2, 11, 5, 5, 1, false),
                ModelFile.Metadata.of("addition", Map.of("seed", 1))));
        Path stack = dir.resolve("stack.json");
        ModelFiles.save(stack, ModelFiles.load(torch.resolve("model.json")));
        seeds = List.of(Files.readAllBytes(torch.resolve("model.json")), Files.readAllBytes(gru.resolve("model.json")),
                Files.readAllBytes(saved), Files.readAllBytes(stack), Files.readAllBytes(torch.resolve("x.json")),
                Files.readAllBytes(torch.resolve("h0.json")),
                Fixtures.JSON.writeValueAsBytes(ViewSettings.DEFAULT),
                Files.readAllBytes(Path.of("assets", "lectures", "gates-memory-gradients.json")), autosaveSeed());
    }

    /** A real autosave with trained weights: what a window killed during training leaves behind. */
    private static byte[] autosaveSeed() throws Exception {
        TrainingConfig c = TrainingConfig.defaults().with(TrainingSetting.HIDDEN, 2L);
        Autosave writer = new Autosave(dir.resolve("autosave-seed.json"));
        writer.saveLater(ViewSettings.DEFAULT, new TrainedWeights("LSTM 2 · epoch 1.00", c, new Trainer(c).weights())).get();
        return Files.readAllBytes(writer.file());
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Property
    void modelFilesReadOrSayWhy(@ForAll("documents") byte[] doc) {
        Path f = write("m.json", doc);
        try {
            assertThat(ModelFiles.load(f)).isNotNull();
        } catch (FileException expected) {
            assertThat(expected.getMessage()).startsWith(f.toString() + ": ").doesNotContain("\n");
        }
    }

    @Property
    void inputArraysReadOrSayWhy(@ForAll("documents") byte[] doc) {
        Path f = write("x.json", doc);
        try {
            assertThat(ArrayFiles.readSteps(f, "x", -1, 3, "an LSTM with input_size 3")).isNotEmpty();
            assertThat(ArrayFiles.readStates(f, "h0", 2, 4, "an LSTM with hidden_size 4")).hasNumberOfRows(2);
        } catch (FileException expected) {
            assertThat(expected.getMessage()).startsWith(f.toString() + ": ").doesNotContain("\n");
        }
    }

    @Property
    void settingsFallBackToTheDefaultsNeverThrow(@ForAll("documents") byte[] doc) {
        write("settings.json", doc);
        assertThat(new SettingsStore(dir).load()).isNotNull();
    }

    @Property
    void lecturesReadOrSayWhy(@ForAll("documents") byte[] doc) {
        Path f = write("lecture.json", doc);
        try {
            assertThat(SceneFiles.read(f, Set.of("LIGHT", "DARK", "HIGH_CONTRAST")).scenes()).isNotEmpty();
        } catch (FileException expected) {
            assertThat(expected.getMessage()).startsWith(f.toString() + ": ").doesNotContain("\n");
        }
    }

    @Property
    void anAutosaveIsReadOrIgnoredNeverThrows(@ForAll("documents") byte[] doc) {
        write("autosave.json", doc);
        Autosave left = new Autosave(dir.resolve("autosave.json"));
        left.leftOver().ifPresent(s -> assertThat(s.view()).isNotNull());
    }

    @Provide
    Arbitrary<byte[]> documents() {
        return Arbitraries.longs().map(seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            return r.nextInt(3) == 0 ? Generated.document(r).getBytes(StandardCharsets.UTF_8) : Mutations.of(seeds.get(r.nextInt(seeds.size())), r);
        });
    }

    private static Path write(String name, byte[] doc) {
        try {
            return Files.write(dir.resolve(name), doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
