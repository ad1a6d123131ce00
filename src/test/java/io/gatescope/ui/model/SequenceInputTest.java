package io.gatescope.ui.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceInputTest {
    @Test
    void randomSequencesRepeatForTheSameSeed() {
        assertThat(SequenceInput.random(5, 3, 9).rows()).isDeepEqualTo(SequenceInput.random(5, 3, 9).rows());
        assertThat(SequenceInput.random(5, 3, 9).rows()[0][0]).isBetween(-1.0, 1.0);
    }
}
