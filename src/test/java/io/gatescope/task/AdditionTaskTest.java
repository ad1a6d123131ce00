package io.gatescope.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdditionTaskTest {
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

    @Test
    void datasetsAreDrawnFromTheSeed() {
        Dataset a = Dataset.generate(3, 20_000, 0.2, Dataset.TEST_SIZE), b = Dataset.generate(3, 20_000, 0.2, Dataset.TEST_SIZE),
                c = Dataset.generate(4, 20_000, 0.2, Dataset.TEST_SIZE);
        assertThat(a.train()).hasSize(16_000).isEqualTo(b.train());
        assertThat(a.validation()).hasSize(4_000);
        assertThat(a.test()).hasSize(1_000).isNotEqualTo(a.validation().subList(0, 1000));
        assertThat(a.train()).isNotEqualTo(c.train());
        assertThat(AdditionTask.sample(5, new SplittableRandom(1)))
                .isEqualTo(AdditionTask.sample(5, new SplittableRandom(1)));
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
}
