package io.gatescope.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp, σ and tanh over arrays, on the vector units, built only from operations IEEE 754 rounds
 * exactly (add, multiply, divide, fused multiply-add) and bit moves. That makes every lane, the
 * scalar tail and the scalar functions in {@link Activations} give the same bits, in the interpreter
 * and in compiled code: the library's vector exp and tanh may use different code in each, which would
 * break bit-for-bit reproducible training. Accuracy: within 2 ulp of {@link Math#exp}, 8 of tanh.
 */
final class VectorMath {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01; // fdlibm's split of ln 2: k·LN2_HI is exact
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double MAGIC = 0x1.8p52;                      // adding it rounds to an integer
    private static final long MAGIC_BITS = Double.doubleToRawLongBits(MAGIC);
    private static final double[] EXP_POLY = new double[14];           // 1/n!, n = 0..13: e^r on |r| ≤ ln2/2
    private static final double[] TANH_POLY = {1.0, -1.0 / 3, 2.0 / 15, -17.0 / 315, 62.0 / 2835, -1382.0 / 155925,
        21844.0 / 6081075, -929569.0 / 638512875};                      // Taylor series of tanh, odd powers
    static final double TANH_SERIES_LIMIT = 0.1;

    static {
        double f = 1;
        for (int n = 0; n < EXP_POLY.length; n++) {
            if (n > 0) f *= n;
            EXP_POLY[n] = 1.0 / f;
        }
    }

    private VectorMath() {
    }

    /** e^x. */
    static double exp(double x) {
        x = Math.min(Math.max(x, -708.0), 709.0);
        double t = Math.fma(x, LOG2E, MAGIC);            // k = round(x / ln 2), held in t's low bits
        double k = t - MAGIC;
        double r = Math.fma(k, -LN2_LO, Math.fma(k, -LN2_HI, x));
        double p = EXP_POLY[13];
        for (int n = 12; n >= 0; n--) p = Math.fma(p, r, EXP_POLY[n]);
        long kBits = Double.doubleToRawLongBits(t) - MAGIC_BITS;
        return p * Double.longBitsToDouble((kBits + 1023) << 52);   // e^x = e^r · 2^k
    }

    static DoubleVector exp(DoubleVector x) {
        x = x.max(-708.0).min(709.0);
        DoubleVector t = x.fma(LOG2E, MAGIC);
        DoubleVector k = t.sub(MAGIC);
        DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_LO), k.fma(DoubleVector.broadcast(S, -LN2_HI), x));
        DoubleVector p = DoubleVector.broadcast(S, EXP_POLY[13]);
        for (int n = 12; n >= 0; n--) p = p.fma(r, DoubleVector.broadcast(S, EXP_POLY[n]));
        LongVector kBits = (LongVector) t.viewAsIntegralLanes();
        DoubleVector scale = (DoubleVector) kBits.sub(MAGIC_BITS - 1023).lanewise(VectorOperators.LSHL, 52).viewAsFloatingLanes();
        return p.mul(scale);
    }

    /** σ(z) = 1 / (1 + e^−z). */
    static double sigmoid(double z) {
        return 1.0 / (1.0 + exp(-z));
    }

    /** tanh: the odd Taylor series near zero (no cancellation), (1 − e^−2|z|)/(1 + e^−2|z|) elsewhere. */
    static double tanh(double z) {
        double a = Math.abs(z);
        if (a < TANH_SERIES_LIMIT) {
            double z2 = z * z;
            double p = TANH_POLY[7];
            for (int n = 6; n >= 0; n--) p = Math.fma(p, z2, TANH_POLY[n]);
            return z * p;
        }
        double t = exp(-2 * a);
        double r = (1 - t) / (1 + t);
        return z < 0 ? -r : r;
    }

    private static DoubleVector sigmoid(DoubleVector z) {
        return DoubleVector.broadcast(S, 1.0).div(exp(z.neg()).add(1.0));
    }

    private static DoubleVector tanh(DoubleVector z) {
        DoubleVector a = z.abs();
        DoubleVector z2 = z.mul(z);
        DoubleVector p = DoubleVector.broadcast(S, TANH_POLY[7]);
        for (int n = 6; n >= 0; n--) p = p.fma(z2, DoubleVector.broadcast(S, TANH_POLY[n]));
        DoubleVector series = z.mul(p);
        DoubleVector t = exp(a.mul(-2.0));
        DoubleVector r = DoubleVector.broadcast(S, 1.0).sub(t).div(t.add(1.0));
        r = r.blend(r.neg(), z.compare(VectorOperators.LT, 0.0));
        VectorMask<Double> small = a.compare(VectorOperators.LT, TANH_SERIES_LIMIT);
        return r.blend(series, small);
    }

    /** out[o..o+n) = σ(in[i..i+n)). */
    static void sigmoid(double[] in, int i, double[] out, int o, int n) {
        int j = 0;
        for (; j + L <= n; j += L) sigmoid(DoubleVector.fromArray(S, in, i + j)).intoArray(out, o + j);
        for (; j < n; j++) out[o + j] = sigmoid(in[i + j]);
    }

    /** out[o..o+n) = tanh(in[i..i+n)). */
    static void tanh(double[] in, int i, double[] out, int o, int n) {
        int j = 0;
        for (; j + L <= n; j += L) tanh(DoubleVector.fromArray(S, in, i + j)).intoArray(out, o + j);
        for (; j < n; j++) out[o + j] = tanh(in[i + j]);
    }
}
