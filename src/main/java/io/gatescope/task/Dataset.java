package io.gatescope.task;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training, validation and test sums of the addition task drawn from one seed, so that the
 * validation and test figures are measured on sums the model never trained on.
 *
 * <p>The task has only 10,000 questions (a+b with a, b in 0..99), so sums drawn independently for
 * training and for testing overlap: 16,000 training draws cover about 80 % of all questions, and a
 * test set drawn the same way would mostly ask what was trained. Instead the seed shuffles the 10,000
 * questions once and cuts them into three disjoint parts: the first {@code testSize} are the test
 * sums, each once; the next {@code validationFraction} of the rest are the validation sums, each
 * once (at most {@code size × validationFraction} of them); the training examples are
 * {@code size − size × validationFraction} draws, with repeats as in the seeds' generator, from the
 * remaining questions. {@code 67+60} and {@code 60+67} are different questions (different inputs).
 */
public record Dataset(List<AdditionTask.Example> train, List<AdditionTask.Example> validation,
                      List<AdditionTask.Example> test) {
    /** The test set's size: this many distinct questions, never trained or validated on. */
    public static final int TEST_SIZE = 1_000;

    /** Every question of the task: a and b in 0..99. */
    public static final int QUESTIONS = (AdditionTask.MAX_OPERAND + 1) * (AdditionTask.MAX_OPERAND + 1);

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
        if (testSize < 1 || testSize > QUESTIONS / 2) {
            throw new IllegalArgumentException("the test set must hold 1 to " + QUESTIONS / 2 + " sums, got " + testSize);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] questions = new int[QUESTIONS];
        for (int q = 0; q < QUESTIONS; q++) questions[q] = q;
        for (int i = QUESTIONS - 1; i > 0; i--) { // Fisher–Yates: the seed's order of all questions
            int j = rng.nextInt(i + 1);
            int tmp = questions[i]; questions[i] = questions[j]; questions[j] = tmp;
        }
        int rest = QUESTIONS - testSize;
        int validationQuestions = Math.max(1, Math.min(rest - 1, (int) Math.round(rest * validationFraction)));
        int validationDraws = Math.max(1, (int) Math.round(size * validationFraction));
        int trainDraws = size - validationDraws;
        int trainFrom = testSize + validationQuestions, trainQuestions = QUESTIONS - trainFrom;
        List<AdditionTask.Example> train = new ArrayList<>(Math.max(0, trainDraws));
        for (int i = 0; i < trainDraws; i++) train.add(example(questions[trainFrom + rng.nextInt(trainQuestions)]));
        return new Dataset(List.copyOf(train), examples(questions, testSize, Math.min(validationQuestions, validationDraws)),
                examples(questions, 0, testSize));
    }

    private static List<AdditionTask.Example> examples(int[] questions, int from, int count) {
        AdditionTask.Example[] out = new AdditionTask.Example[count];
        for (int i = 0; i < count; i++) out[i] = example(questions[from + i]);
        return List.of(out);
    }

    private static AdditionTask.Example example(int question) {
        return new AdditionTask.Example(question / (AdditionTask.MAX_OPERAND + 1), question % (AdditionTask.MAX_OPERAND + 1));
    }
}
