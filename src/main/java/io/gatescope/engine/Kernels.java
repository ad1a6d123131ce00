package io.gatescope.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The dense kernels every cell is built from: flat row-major {@code double[]}, sizes passed
 * explicitly, output argument last, and the output is <em>accumulated into</em> ({@code +=}).
 *
 * <p>The products use the CPU's vector units through the incubator Vector API and allocate nothing:
 * C is updated in register blocks of four rows by two vectors, so each loaded row of B feeds eight
 * fused multiply-adds. This is the hot path of both the live trace and training.
 */
public final class Kernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Kernels() {
    }

    /**
     * C += A·B, with A m×k, B k×n and C m×n. Modifies {@code c}.
     */
    public static void gemm(int m, int k, int n, double[] a, double[] b, double[] c) {
        checkSizes(m, k, n, a, b, c);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            rows4(i, k, n, a, i * k, i * k + k, i * k + 2 * k, i * k + 3 * k, 1, b, c);
        }
        for (; i < m; i++) {
            row1(i, k, n, a, i * k, 1, b, c);
        }
    }

    /**
     * C += Aᵀ·B, with A k×m (so Aᵀ is m×k), B k×n and C m×n. Modifies {@code c}. Used for weight
     * gradients, dW += dPreᵀ·X, without materialising the transpose.
     */
    public static void gemmTransA(int m, int k, int n, double[] a, double[] b, double[] c) {
        checkSizes(m, k, n, a, b, c);
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            rows4(i, k, n, a, i, i + 1, i + 2, i + 3, m, b, c);
        }
        for (; i < m; i++) {
            row1(i, k, n, a, i, m, b, c);
        }
    }

    /**
     * C += A·B like {@link #gemm}, for an A that is mostly zeros (one-hot rows): every element of C sums
     * the same products in the same order, the products with a zero of A left out, which changes no
     * bit (except perhaps the sign of an exact zero). Columns {@link #gemm} does on the vector units get
     * fused multiply-adds, the scalar tail a product and a sum, as there. Modifies {@code c}.
     */
    public static void gemmSparseA(int m, int k, int n, double[] a, double[] b, double[] c) {
        checkSizes(m, k, n, a, b, c);
        int vectorColumns = n - n % L;
        for (int i = 0; i < m; i++) {
            int ci = i * n;
            for (int p = 0; p < k; p++) {
                double x = a[i * k + p];
                if (x == 0) continue;
                DoubleVector xv = DoubleVector.broadcast(S, x);
                int bp = p * n, j = 0;
                for (; j < vectorColumns; j += L) {
                    DoubleVector.fromArray(S, b, bp + j).fma(xv, DoubleVector.fromArray(S, c, ci + j)).intoArray(c, ci + j);
                }
                for (; j < n; j++) c[ci + j] += x * b[bp + j];
            }
        }
    }

    /**
     * C += Aᵀ·B like {@link #gemmTransA}, for a B that is mostly zeros (the one-hot inputs of a weight
     * gradient dW += dPreᵀ·X): the same sums in the same order without the products with a zero of B,
     * as {@link #gemmSparseA}. A k×m, B k×n, C m×n. Modifies {@code c}.
     */
    public static void gemmTransASparseB(int m, int k, int n, double[] a, double[] b, double[] c) {
        checkSizes(m, k, n, a, b, c);
        int vectorColumns = n - n % L;
        for (int p = 0; p < k; p++) {
            int ap = p * m;
            for (int q = 0; q < n; q++) {
                double x = b[p * n + q];
                if (x == 0) continue;
                if (q < vectorColumns) {
                    for (int i = 0; i < m; i++) c[i * n + q] = Math.fma(a[ap + i], x, c[i * n + q]);
                } else {
                    for (int i = 0; i < m; i++) c[i * n + q] += a[ap + i] * x;
                }
            }
        }
    }

    /**
     * Four rows of C: row r of A starts at {@code aR} and its p-th element is at {@code aR + p*aStep}.
     */
    private static void rows4(int i, int k, int n, double[] a, int a0, int a1, int a2, int a3, int aStep,
                              double[] b, double[] c) {
        int c0 = i * n, c1 = c0 + n, c2 = c1 + n, c3 = c2 + n;
        int j = 0;
        for (; j + 4 * L <= n; j += 4 * L) rows4x4(k, n, a, a0, a1, a2, a3, aStep, b, c, c0 + j, c1 + j, c2 + j, c3 + j, j);
        for (; j + 2 * L <= n; j += 2 * L) {
            DoubleVector s00 = DoubleVector.fromArray(S, c, c0 + j), s01 = DoubleVector.fromArray(S, c, c0 + j + L);
            DoubleVector s10 = DoubleVector.fromArray(S, c, c1 + j), s11 = DoubleVector.fromArray(S, c, c1 + j + L);
            DoubleVector s20 = DoubleVector.fromArray(S, c, c2 + j), s21 = DoubleVector.fromArray(S, c, c2 + j + L);
            DoubleVector s30 = DoubleVector.fromArray(S, c, c3 + j), s31 = DoubleVector.fromArray(S, c, c3 + j + L);
            for (int p = 0, bp = j; p < k; p++, bp += n) {
                DoubleVector b0 = DoubleVector.fromArray(S, b, bp);
                DoubleVector b1 = DoubleVector.fromArray(S, b, bp + L);
                int ap = p * aStep;
                DoubleVector x0 = DoubleVector.broadcast(S, a[a0 + ap]);
                DoubleVector x1 = DoubleVector.broadcast(S, a[a1 + ap]);
                DoubleVector x2 = DoubleVector.broadcast(S, a[a2 + ap]);
                DoubleVector x3 = DoubleVector.broadcast(S, a[a3 + ap]);
                s00 = b0.fma(x0, s00); s01 = b1.fma(x0, s01);
                s10 = b0.fma(x1, s10); s11 = b1.fma(x1, s11);
                s20 = b0.fma(x2, s20); s21 = b1.fma(x2, s21);
                s30 = b0.fma(x3, s30); s31 = b1.fma(x3, s31);
            }
            s00.intoArray(c, c0 + j); s01.intoArray(c, c0 + j + L);
            s10.intoArray(c, c1 + j); s11.intoArray(c, c1 + j + L);
            s20.intoArray(c, c2 + j); s21.intoArray(c, c2 + j + L);
            s30.intoArray(c, c3 + j); s31.intoArray(c, c3 + j + L);
        }
        for (; j + L <= n; j += L) {
            DoubleVector s0 = DoubleVector.fromArray(S, c, c0 + j), s1 = DoubleVector.fromArray(S, c, c1 + j);
            DoubleVector s2 = DoubleVector.fromArray(S, c, c2 + j), s3 = DoubleVector.fromArray(S, c, c3 + j);
            for (int p = 0, bp = j; p < k; p++, bp += n) {
                DoubleVector bv = DoubleVector.fromArray(S, b, bp);
                int ap = p * aStep;
                s0 = bv.fma(DoubleVector.broadcast(S, a[a0 + ap]), s0);
                s1 = bv.fma(DoubleVector.broadcast(S, a[a1 + ap]), s1);
                s2 = bv.fma(DoubleVector.broadcast(S, a[a2 + ap]), s2);
                s3 = bv.fma(DoubleVector.broadcast(S, a[a3 + ap]), s3);
            }
            s0.intoArray(c, c0 + j); s1.intoArray(c, c1 + j);
            s2.intoArray(c, c2 + j); s3.intoArray(c, c3 + j);
        }
        for (; j < n; j++) {
            double t0 = c[c0 + j], t1 = c[c1 + j], t2 = c[c2 + j], t3 = c[c3 + j];
            for (int p = 0; p < k; p++) {
                double bv = b[p * n + j];
                int ap = p * aStep;
                t0 += a[a0 + ap] * bv; t1 += a[a1 + ap] * bv; t2 += a[a2 + ap] * bv; t3 += a[a3 + ap] * bv;
            }
            c[c0 + j] = t0; c[c1 + j] = t1; c[c2 + j] = t2; c[c3 + j] = t3;
        }
    }

    /**
     * Four rows by four vectors of C (sixteen accumulators in registers): per row p of B, four vector
     * loads and four broadcasts feed sixteen fused multiply-adds, twice the work per load of a 4×2
     * block. Every element still sums its products in the order p = 0, 1, …, k−1, so the result is
     * bit-identical to the narrower blocks.
     */
    private static void rows4x4(int k, int n, double[] a, int a0, int a1, int a2, int a3, int aStep, double[] b,
                                double[] c, int c0, int c1, int c2, int c3, int j) {
        DoubleVector s00 = DoubleVector.fromArray(S, c, c0), s01 = DoubleVector.fromArray(S, c, c0 + L);
        DoubleVector s02 = DoubleVector.fromArray(S, c, c0 + 2 * L), s03 = DoubleVector.fromArray(S, c, c0 + 3 * L);
        DoubleVector s10 = DoubleVector.fromArray(S, c, c1), s11 = DoubleVector.fromArray(S, c, c1 + L);
        DoubleVector s12 = DoubleVector.fromArray(S, c, c1 + 2 * L), s13 = DoubleVector.fromArray(S, c, c1 + 3 * L);
        DoubleVector s20 = DoubleVector.fromArray(S, c, c2), s21 = DoubleVector.fromArray(S, c, c2 + L);
        DoubleVector s22 = DoubleVector.fromArray(S, c, c2 + 2 * L), s23 = DoubleVector.fromArray(S, c, c2 + 3 * L);
        DoubleVector s30 = DoubleVector.fromArray(S, c, c3), s31 = DoubleVector.fromArray(S, c, c3 + L);
        DoubleVector s32 = DoubleVector.fromArray(S, c, c3 + 2 * L), s33 = DoubleVector.fromArray(S, c, c3 + 3 * L);
        for (int p = 0, bp = j; p < k; p++, bp += n) {
            DoubleVector b0 = DoubleVector.fromArray(S, b, bp), b1 = DoubleVector.fromArray(S, b, bp + L);
            DoubleVector b2 = DoubleVector.fromArray(S, b, bp + 2 * L), b3 = DoubleVector.fromArray(S, b, bp + 3 * L);
            int ap = p * aStep;
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + ap]);
            s00 = b0.fma(x, s00); s01 = b1.fma(x, s01); s02 = b2.fma(x, s02); s03 = b3.fma(x, s03);
            x = DoubleVector.broadcast(S, a[a1 + ap]);
            s10 = b0.fma(x, s10); s11 = b1.fma(x, s11); s12 = b2.fma(x, s12); s13 = b3.fma(x, s13);
            x = DoubleVector.broadcast(S, a[a2 + ap]);
            s20 = b0.fma(x, s20); s21 = b1.fma(x, s21); s22 = b2.fma(x, s22); s23 = b3.fma(x, s23);
            x = DoubleVector.broadcast(S, a[a3 + ap]);
            s30 = b0.fma(x, s30); s31 = b1.fma(x, s31); s32 = b2.fma(x, s32); s33 = b3.fma(x, s33);
        }
        s00.intoArray(c, c0); s01.intoArray(c, c0 + L); s02.intoArray(c, c0 + 2 * L); s03.intoArray(c, c0 + 3 * L);
        s10.intoArray(c, c1); s11.intoArray(c, c1 + L); s12.intoArray(c, c1 + 2 * L); s13.intoArray(c, c1 + 3 * L);
        s20.intoArray(c, c2); s21.intoArray(c, c2 + L); s22.intoArray(c, c2 + 2 * L); s23.intoArray(c, c2 + 3 * L);
        s30.intoArray(c, c3); s31.intoArray(c, c3 + L); s32.intoArray(c, c3 + 2 * L); s33.intoArray(c, c3 + 3 * L);
    }

    /**
     * One row of C (the batch-1 case): c += Σ_p a[p]·B[p,:]. For a single row every element of B is
     * read once and the product is bound by how fast B streams in from cache, so a block of C is held
     * in sixteen vector registers (a 1 KiB run of each row of B per p) while p
     * runs over all of B's rows: no traffic on C, and runs long enough for the prefetcher. No branch
     * inside the loop: skipping zero elements of a (one-hot inputs) made C2 box the accumulators, five
     * times slower overall.
     */
    private static void row1(int i, int k, int n, double[] a, int a0, int aStep, double[] b, double[] c) {
        int c0 = i * n;
        int j = 0;
        for (; j + 16 * L <= n; j += 16 * L) row1x16(k, n, a, a0, aStep, b, c, c0 + j, j);
        row1Rest(j, k, n, a, a0, aStep, b, c, c0);
    }

    /** Sixteen vectors of C at {@code cj} (column {@code j} of B) accumulated over all k rows of B. */
    private static void row1x16(int k, int n, double[] a, int a0, int aStep, double[] b, double[] c, int cj, int j) {
        DoubleVector s0 = DoubleVector.fromArray(S, c, cj), s1 = DoubleVector.fromArray(S, c, cj + L);
        DoubleVector s2 = DoubleVector.fromArray(S, c, cj + 2 * L), s3 = DoubleVector.fromArray(S, c, cj + 3 * L);
        DoubleVector s4 = DoubleVector.fromArray(S, c, cj + 4 * L), s5 = DoubleVector.fromArray(S, c, cj + 5 * L);
        DoubleVector s6 = DoubleVector.fromArray(S, c, cj + 6 * L), s7 = DoubleVector.fromArray(S, c, cj + 7 * L);
        DoubleVector s8 = DoubleVector.fromArray(S, c, cj + 8 * L), s9 = DoubleVector.fromArray(S, c, cj + 9 * L);
        DoubleVector s10 = DoubleVector.fromArray(S, c, cj + 10 * L), s11 = DoubleVector.fromArray(S, c, cj + 11 * L);
        DoubleVector s12 = DoubleVector.fromArray(S, c, cj + 12 * L), s13 = DoubleVector.fromArray(S, c, cj + 13 * L);
        DoubleVector s14 = DoubleVector.fromArray(S, c, cj + 14 * L), s15 = DoubleVector.fromArray(S, c, cj + 15 * L);
        for (int p = 0, bp = j; p < k; p++, bp += n) {
            DoubleVector x = DoubleVector.broadcast(S, a[a0 + p * aStep]);
            s0 = DoubleVector.fromArray(S, b, bp).fma(x, s0);
            s1 = DoubleVector.fromArray(S, b, bp + L).fma(x, s1);
            s2 = DoubleVector.fromArray(S, b, bp + 2 * L).fma(x, s2);
            s3 = DoubleVector.fromArray(S, b, bp + 3 * L).fma(x, s3);
            s4 = DoubleVector.fromArray(S, b, bp + 4 * L).fma(x, s4);
            s5 = DoubleVector.fromArray(S, b, bp + 5 * L).fma(x, s5);
            s6 = DoubleVector.fromArray(S, b, bp + 6 * L).fma(x, s6);
            s7 = DoubleVector.fromArray(S, b, bp + 7 * L).fma(x, s7);
            s8 = DoubleVector.fromArray(S, b, bp + 8 * L).fma(x, s8);
            s9 = DoubleVector.fromArray(S, b, bp + 9 * L).fma(x, s9);
            s10 = DoubleVector.fromArray(S, b, bp + 10 * L).fma(x, s10);
            s11 = DoubleVector.fromArray(S, b, bp + 11 * L).fma(x, s11);
            s12 = DoubleVector.fromArray(S, b, bp + 12 * L).fma(x, s12);
            s13 = DoubleVector.fromArray(S, b, bp + 13 * L).fma(x, s13);
            s14 = DoubleVector.fromArray(S, b, bp + 14 * L).fma(x, s14);
            s15 = DoubleVector.fromArray(S, b, bp + 15 * L).fma(x, s15);
        }
        s0.intoArray(c, cj); s1.intoArray(c, cj + L); s2.intoArray(c, cj + 2 * L); s3.intoArray(c, cj + 3 * L);
        s4.intoArray(c, cj + 4 * L); s5.intoArray(c, cj + 5 * L); s6.intoArray(c, cj + 6 * L); s7.intoArray(c, cj + 7 * L);
        s8.intoArray(c, cj + 8 * L); s9.intoArray(c, cj + 9 * L); s10.intoArray(c, cj + 10 * L); s11.intoArray(c, cj + 11 * L);
        s12.intoArray(c, cj + 12 * L); s13.intoArray(c, cj + 13 * L); s14.intoArray(c, cj + 14 * L); s15.intoArray(c, cj + 15 * L);
    }

    /** The columns of one row of C from {@code j} on, past the last block of sixteen: a vector, then scalars. */
    private static void row1Rest(int j, int k, int n, double[] a, int a0, int aStep, double[] b, double[] c, int c0) {
        for (; j + L <= n; j += L) {
            DoubleVector s = DoubleVector.fromArray(S, c, c0 + j);
            for (int p = 0, bp = j; p < k; p++, bp += n) {
                s = DoubleVector.fromArray(S, b, bp).fma(DoubleVector.broadcast(S, a[a0 + p * aStep]), s);
            }
            s.intoArray(c, c0 + j);
        }
        for (; j < n; j++) {
            double t = c[c0 + j];
            for (int p = 0; p < k; p++) t += a[a0 + p * aStep] * b[p * n + j];
            c[c0 + j] = t;
        }
    }

    /** Bᵀ into {@code out}: B is rows×cols, out is cols×rows. Modifies {@code out}. */
    public static void transpose(int rows, int cols, double[] b, double[] out) {
        if (b.length < rows * cols || out.length < rows * cols) {
            throw new IllegalArgumentException("transpose: expected " + rows + "x" + cols + " arrays, got "
                    + b.length + " and " + out.length + " elements");
        }
        // Tiles of T×T: a tile's rows of b and of out stay in cache while it is copied. Row by row, every
        // write to out lands on a different cache line (stride rows), and the trainer transposes each
        // recurrent weight after every update: 8 % of a training step went here.
        for (int r0 = 0; r0 < rows; r0 += TILE) {
            int r1 = Math.min(rows, r0 + TILE);
            for (int q0 = 0; q0 < cols; q0 += TILE) {
                int q1 = Math.min(cols, q0 + TILE);
                for (int q = q0; q < q1; q++) {
                    int o = q * rows;
                    for (int r = r0; r < r1; r++) out[o + r] = b[r * cols + q];
                }
            }
        }
    }

    /** The transpose's tile: 16×16 doubles, 2 KiB read and 2 KiB written, well inside L1. */
    private static final int TILE = 16;

    /** out[o..o+n) = a[o..o+n) + b[o..o+n): the cells' pre-activations, input side plus recurrent side. */
    static void sum(double[] a, double[] b, double[] out, int o, int n) {
        int j = 0;
        for (; j + L <= n; j += L) DoubleVector.fromArray(S, a, o + j).add(DoubleVector.fromArray(S, b, o + j)).intoArray(out, o + j);
        for (; j < n; j++) out[o + j] = a[o + j] + b[o + j];
    }

    /** out[o..o+n) = a[ai..ai+n) ⊙ b[bi..bi+n), element by element. */
    static void product(double[] a, int ai, double[] b, int bi, double[] out, int o, int n) {
        int j = 0;
        for (; j + L <= n; j += L) DoubleVector.fromArray(S, a, ai + j).mul(DoubleVector.fromArray(S, b, bi + j)).intoArray(out, o + j);
        for (; j < n; j++) out[o + j] = a[ai + j] * b[bi + j];
    }

    /** Adds {@code v} (length n) to every row of {@code c} (m×n). Modifies {@code c}. */
    public static void addRowVector(int m, int n, double[] v, double[] c) {
        for (int i = 0; i < m; i++) {
            int off = i * n;
            int j = 0;
            for (; j + L <= n; j += L) {
                DoubleVector.fromArray(S, c, off + j).add(DoubleVector.fromArray(S, v, j)).intoArray(c, off + j);
            }
            for (; j < n; j++) c[off + j] += v[j];
        }
    }

    /** Adds the column sums of {@code m×n} matrix {@code g} to {@code out} (length n): bias gradients. */
    public static void addColumnSums(int m, int n, double[] g, double[] out) {
        for (int i = 0; i < m; i++) {
            int off = i * n;
            int j = 0;
            for (; j + L <= n; j += L) {
                DoubleVector.fromArray(S, out, j).add(DoubleVector.fromArray(S, g, off + j)).intoArray(out, j);
            }
            for (; j < n; j++) out[j] += g[off + j];
        }
    }

    /** Sum of squares of the first {@code n} elements. */
    public static double sumSquares(double[] v, int n) {
        DoubleVector acc = DoubleVector.zero(S);
        int j = 0;
        for (; j + L <= n; j += L) {
            DoubleVector x = DoubleVector.fromArray(S, v, j);
            acc = x.fma(x, acc);
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) s += v[j] * v[j];
        return s;
    }

    private static void checkSizes(int m, int k, int n, double[] a, double[] b, double[] c) {
        if (a.length < m * k || b.length < k * n || c.length < m * n) {
            throw new IllegalArgumentException("gemm: expected A " + m + "x" + k + ", B " + k + "x" + n + ", C " + m
                    + "x" + n + " but got " + a.length + ", " + b.length + ", " + c.length + " elements");
        }
    }
}
