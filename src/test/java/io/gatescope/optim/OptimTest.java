package io.gatescope.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gatescope.engine.CellKind;
import io.gatescope.engine.Gradients;
import io.gatescope.engine.Initialisers;
import io.gatescope.engine.Parameter;
import io.gatescope.engine.RecurrentLayer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptimTest {
    @Test
    void adamFollowsTheBiasCorrectedUpdate() {
        Parameter p = new Parameter("w", 2, 1, new double[] {1.0, -2.0});
        Gradients g = new Gradients(List.of(p));
        Adam adam = new Adam(0.1);
        g.of(p)[0] = 0.5;
        g.of(p)[1] = -3.0;
        adam.step(List.of(p), g);
        // After one step m̂ = g and v̂ = g², so each weight moves by lr·sign(g) (up to ε).
        assertThat(p.data()[0]).isCloseTo(0.9, within(1e-7));
        assertThat(p.data()[1]).isCloseTo(-1.9, within(1e-7));
        double afterFirst = p.data()[0];
        g.of(p)[0] = 0.0;
        adam.step(List.of(p), g);
        double m = 0.9 * 0.05, v = 0.999 * 0.00025;
        double expected = afterFirst - 0.1 * (m / (1 - 0.81)) / (Math.sqrt(v / (1 - 0.999 * 0.999)) + 1e-8);
        assertThat(p.data()[0]).isCloseTo(expected, within(1e-12));
    }

    @Test
    void sgdWithMomentumAccumulatesVelocity() {
        Parameter p = new Parameter("w", 1, 1, new double[] {1.0});
        Gradients g = new Gradients(List.of(p));
        Sgd sgd = new Sgd(0.1, 0.9);
        g.of(p)[0] = 1.0;
        sgd.step(List.of(p), g);
        sgd.step(List.of(p), g);
        assertThat(p.data()[0]).isCloseTo(1.0 - 0.1 - 0.1 * 1.9, within(1e-12));
        int before = p.version();
        sgd.step(List.of(p), g);
        assertThat(p.version()).isGreaterThan(before);
    }

    @Test
    void clippingByNormKeepsTheDirectionAndByValueClamps() {
        Parameter a = Parameter.vector("a", 2), b = Parameter.vector("b", 1);
        Gradients g = new Gradients(List.of(a, b));
        g.of(a)[0] = 3;
        g.of(a)[1] = 0;
        g.of(b)[0] = 4;
        assertThat(Clipping.byGlobalNorm(g, 1.0)).isEqualTo(5.0);
        assertThat(g.norm()).isCloseTo(1.0, within(1e-6));
        assertThat(g.of(a)[0] / g.of(b)[0]).isCloseTo(0.75, within(1e-12));
        g.of(b)[0] = -7;
        Clipping.byValue(g, 0.5);
        assertThat(g.of(b)[0]).isEqualTo(-0.5);
        assertThat(Clipping.byGlobalNorm(g, 100)).isLessThan(100);
    }

    @Test
    void orthogonalInitialisationGivesOrthonormalColumnsAndSeedsReproduce() {
        RecurrentLayer lstm = new RecurrentLayer(CellKind.LSTM, 3, 6, false);
        Initialisers.kerasDefault(lstm, new SplittableRandom(4));
        double[] w = lstm.weightHh().data(); // 24×6: orthonormal columns
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                double dot = 0;
                for (int r = 0; r < 24; r++) dot += w[r * 6 + i] * w[r * 6 + j];
                assertThat(dot).isCloseTo(i == j ? 1.0 : 0.0, within(1e-12));
            }
        }
        assertThat(lstm.biasIh().data()[6]).isEqualTo(1.0); // unit forget bias: the f block starts at H
        assertThat(lstm.biasIh().data()[0]).isEqualTo(0.0);
        RecurrentLayer again = new RecurrentLayer(CellKind.LSTM, 3, 6, false);
        Initialisers.kerasDefault(again, new SplittableRandom(4));
        assertThat(again.weightHh().data()).isEqualTo(w);
        assertThat(again.weightIh().data()).isEqualTo(lstm.weightIh().data());
        double limit = Math.sqrt(6.0 / (3 + 24));
        for (double v : lstm.weightIh().data()) assertThat(Math.abs(v)).isLessThanOrEqualTo(limit);
    }
}
