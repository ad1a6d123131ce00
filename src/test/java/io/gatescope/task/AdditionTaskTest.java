package io.gatescope.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdditionTaskTest {
    @Test
    void theSymbolsTheTrainerReadsAreTheTextsCharacters() {
        // every question, both readings and the target: the table is made from the texts and must agree with them
        for (int a = 0; a <= AdditionTask.MAX_OPERAND; a++) {
            for (int b = 0; b <= AdditionTask.MAX_OPERAND; b++) {
                AdditionTask.Example e = new AdditionTask.Example(a, b);
                for (int t = 0; t < AdditionTask.STEPS; t++) {
                    assertThat(AdditionTask.ALPHABET.charAt(e.inputSymbol(false, t))).isEqualTo(e.input().charAt(t));
                    assertThat(AdditionTask.ALPHABET.charAt(e.inputSymbol(true, t))).isEqualTo(e.input(true).charAt(t));
                    assertThat(AdditionTask.ALPHABET.charAt(e.targetSymbol(t))).isEqualTo(e.target().charAt(t));
                }
            }
        }
        AdditionTask.Example e = new AdditionTask.Example(67, 60);
        assertThat(new int[] {e.targetSymbol(0), e.targetSymbol(2), e.targetSymbol(4)}).containsExactly(0, 1, 7);   // 00127
        assertThat(e.inputSymbol(true, 0)).isEqualTo(0);   // 06+76
        assertThat(e.inputSymbol(false, 2)).isEqualTo(AdditionTask.ALPHABET.indexOf('+'));
    }

    @Test
    void encodingRoundTripsForEveryPairOfOperands() {
        for (int a = 0; a <= 99; a++) {
            for (int b = 0; b <= 99; b++) {
                AdditionTask.Example e = new AdditionTask.Example(a, b);
                assertThat(AdditionTask.decode(AdditionTask.encode(e.input()))).isEqualTo(e.input());
                assertThat(AdditionTask.decode(AdditionTask.encode(e.target()))).isEqualTo(e.target());
                assertThat(Integer.parseInt(e.target())).isEqualTo(a + b);
                AdditionTask.Parsed parsed = AdditionTask.parse(e.question());
                assertThat(parsed.example()).contains(e);
            }
        }
    }

    @Test
    void padsAsTheSeedsDo() {
        assertThat(new AdditionTask.Example(7, 8).input()).isEqualTo("007+8");
        assertThat(new AdditionTask.Example(7, 8).target()).isEqualTo("00015");
        assertThat(new AdditionTask.Example(67, 60).target()).isEqualTo("00127");
        double[][] x = AdditionTask.encode("007+8");
        assertThat(x).hasDimensions(5, 11);
        assertThat(x[3][10]).isEqualTo(1.0); // '+' is the last symbol
        assertThat(x[0][0]).isEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty", "67+600|6 characters", "6a+1|'a' is not allowed", "67-60|'-' is not allowed",
        "6760|exactly one '+'", "6+7+8|exactly one '+'", "+67|both sides", "67+|both sides"})
    void rejectsBadInputWithAMessageSayingWhatIsAccepted(String text, String expected) {
        AdditionTask.Parsed p = AdditionTask.parse(text);
        assertThat(p.ok()).isFalse();
        assertThat(p.error()).contains(expected).contains("0 to 99");
    }

    /** A pasted page or a control character stays a short message on one line. */
    @Test
    void aLongOrInvisibleInputIsQuotedEscapedAndCut() {
        String error = AdditionTask.parse("12+3\n" + "9".repeat(100_000)).error();
        assertThat(error).startsWith("'12+3\\n999999999999999… (100,005 characters)' has 100,005 characters, at most 5 fit")
                .doesNotContain("\n").hasSizeLessThan(200);
        assertThat(AdditionTask.parse("6\u001B+1").error()).startsWith("'\\u001B' is not allowed");
    }

    @Test
    void datasetsAreDrawnFromTheSeed() {
        Dataset a = Dataset.generate(3, 20_000, 0.2, Dataset.TEST_SIZE), b = Dataset.generate(3, 20_000, 0.2, Dataset.TEST_SIZE),
                c = Dataset.generate(4, 20_000, 0.2, Dataset.TEST_SIZE);
        assertThat(a.train()).hasSize(16_000).isEqualTo(b.train());
        assertThat(a.validation()).isEqualTo(b.validation());
        assertThat(a.test()).isEqualTo(b.test());
        assertThat(a.train()).isNotEqualTo(c.train());
        assertThat(a.test()).isNotEqualTo(c.test());
        assertThat(AdditionTask.sample(5, new SplittableRandom(1)))
                .isEqualTo(AdditionTask.sample(5, new SplittableRandom(1)));
    }

    /** The verdicts are about sums never trained on: no test or validation question is ever a training one. */
    @Test
    void testAndValidationSumsAreDistinctQuestionsNeverTrainedOn() {
        Dataset d = Dataset.generate(1, 20_000, 0.2, Dataset.TEST_SIZE);
        Set<AdditionTask.Example> trained = new HashSet<>(d.train()), tested = new HashSet<>(d.test());
        Set<AdditionTask.Example> validated = new HashSet<>(d.validation());
        assertThat(tested).hasSize(1_000);                       // 1,000 different questions
        assertThat(validated).hasSize(1_800);                    // a fifth of the 9,000 others, each once
        assertThat(d.validation()).hasSize(1_800);
        assertThat(tested).doesNotContainAnyElementsOf(trained).doesNotContainAnyElementsOf(validated);
        assertThat(validated).doesNotContainAnyElementsOf(trained);
        assertThat(trained.size()).isGreaterThan(6_000);         // 16,000 draws over the 7,200 training questions

        Dataset small = Dataset.generate(1, 1_000, 0.2, Dataset.TEST_SIZE);
        assertThat(small.train()).hasSize(800);
        assertThat(small.validation()).hasSize(200);             // no more validation sums than the fraction of the size
        assertThat(small.test()).isEqualTo(d.test());            // the same seed holds out the same test sums
    }

    @Test
    void reversedInputReadsThePaddedQuestionBackwardsAndBackAgain() {
        AdditionTask.Example e = new AdditionTask.Example(67, 60);
        assertThat(e.input(false)).isEqualTo("67+60");
        assertThat(e.input(true)).isEqualTo("06+76");
        assertThat(new AdditionTask.Example(7, 8).input(true)).isEqualTo("8+700");
        for (AdditionTask.Example x : AdditionTask.sample(500, new SplittableRandom(5))) {
            assertThat(AdditionTask.reading(x.input(true), true)).isEqualTo(x.input());
            assertThat(x.input(true)).hasSize(AdditionTask.STEPS).containsOnlyOnce("+");
        }
    }

    @Test
    void theModelsSequenceIsTheQuestionOneHotInTheOrderItIsRead() {
        AdditionTask.Example e = new AdditionTask.Example(67, 60);
        assertThat(AdditionTask.decode(e.sequence(false))).isEqualTo("67+60");
        assertThat(AdditionTask.decode(e.sequence(true))).isEqualTo("06+76");
        assertThat(e.asRead(false)).isEqualTo("67+60");
        assertThat(e.asRead(true)).isEqualTo("06+76 (67+60 reversed)");
    }

    @Test
    void randomSumsComeInTheOrderTheModelReadsThem() {
        var written = GateSaturation.randomSums(50, 3, false);
        var reversed = GateSaturation.randomSums(50, 3, true);
        for (int k = 0; k < written.size(); k++) {
            assertThat(reversed.get(k)).isEqualTo(AdditionTask.reading(written.get(k), true));
            assertThat(AdditionTask.parse(written.get(k).replaceFirst("^0+(?=\\d)", "")).ok()).isTrue();
        }
        assertThat(reversed).isNotEqualTo(written);
    }
}
