package io.gatescope.task;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Training, validation and test examples of the addition task drawn from one seed: {@code size}
 * examples of which the last {@code validationFraction} are held out (Keras' validation_split), plus a
 * test set drawn from an independent stream of the same seed.
 */
public record Dataset(List<AdditionTask.Example> train, List<AdditionTask.Example> validation,
                      List<AdditionTask.Example> test) {
    /** The test set's size; the training and validation sizes are training settings. */
    public static final int TEST_SIZE = 1_000;

    /**
     * Heap one generated example costs: the record (24 bytes), its slot in the sample's array and in the
     * list's copy, and the trainer's shuffled index. Sizes are checked against it before generating.
     */
    public static final long BYTES_PER_EXAMPLE = 40;

    public static Dataset generate(long seed, int size, double validationFraction, int testSize) {
        if (size < 2) throw new IllegalArgumentException("the data set needs at least 2 examples, got " + size);
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must be between 0 and 1, got " + validationFraction);
        }
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom dataRng = root.split();
        SplittableRandom testRng = root.split();
        List<AdditionTask.Example> all = AdditionTask.sample(size, dataRng);
        int validation = Math.max(1, (int) Math.round(size * validationFraction));
        return new Dataset(all.subList(0, size - validation), all.subList(size - validation, size),
                AdditionTask.sample(testSize, testRng));
    }
}
