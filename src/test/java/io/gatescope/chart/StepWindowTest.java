package io.gatescope.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StepWindowTest {

    @Test
    void everyStepIsInItsWindowWithContextOnBothSidesAwayFromTheEnds() {
        for (int size : new int[] {1, 2, 5, 9, 14}) {
            for (int t = 0; t < 200; t++) {
                StepWindow w = StepWindow.around(t, size, 200);
                assertThat(w.size()).isEqualTo(size);
                assertThat(w.contains(t)).as("step %d in a window of %d", t, size).isTrue();
                int context = Math.min(2, (size - 1) / 4);
                if (w.earlier() > 0) assertThat(t - w.first()).isGreaterThanOrEqualTo(context);
                if (w.later() > 0) assertThat(w.last() - 1 - t).isGreaterThanOrEqualTo(context);
            }
        }
    }

    @Test
    void theWindowTurnsLikeAPageInsteadOfSlidingEveryStep() {
        Set<Integer> firsts = new HashSet<>();
        for (int t = 0; t < 200; t++) firsts.add(StepWindow.around(t, 14, 200).first());
        // 14 steps with two of context on each side: a new page every 10 steps.
        assertThat(firsts).hasSize(20);
        assertThat(StepWindow.around(12, 14, 200)).isEqualTo(new StepWindow(10, 24, 200));
        assertThat(StepWindow.around(199, 14, 200)).isEqualTo(new StepWindow(186, 200, 200));
    }

    @Test
    void aWindowAsLargeAsTheSequenceShowsItAll() {
        assertThat(StepWindow.around(5, 8, 8)).isEqualTo(StepWindow.all(8));
        assertThat(StepWindow.around(5, 30, 8)).isEqualTo(StepWindow.all(8));
        assertThat(StepWindow.all(8).earlier()).isZero();
        assertThat(StepWindow.all(8).later()).isZero();
    }

    @Test
    void nonsenseIsRefusedWithTheNumbers() {
        assertThatThrownBy(() -> new StepWindow(5, 5, 10)).hasMessageContaining("5, 5, 10");
        assertThatThrownBy(() -> StepWindow.around(0, 0, 10)).hasMessageContaining("at least one step");
    }
}
