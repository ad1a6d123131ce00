package io.gatescope.engine;

/**
 * A named weight tensor in PyTorch's layout: {@code rows×cols}, flat row-major; a bias is a vector,
 * stored as {@code n×1}. The name is the state_dict key, e.g. {@code weight_hh_l0}.
 *
 * <p>The data array is shared on purpose, so optimisers update it in place; whoever writes to it
 * calls {@link #touch()} so that layers refresh the transposed copies their kernels read.
 */
public final class Parameter {
    private final String name;
    private final int rows;
    private final int cols;
    private final double[] data;
    private final boolean vector;
    private int version;
    /** Wᵀ as the kernels read it (null until first asked for), and the version it was taken at. */
    private double[] transposed;
    private int transposedVersion = -1;

    /** A zero matrix {@code rows×cols}. */
    public Parameter(String name, int rows, int cols) {
        this(name, rows, cols, new double[rows * cols]);
    }

    /** A matrix {@code rows×cols} over {@code data} (shared, not copied). */
    public Parameter(String name, int rows, int cols, double[] data) {
        this(name, rows, cols, data, false);
    }

    /** A zero vector (a bias) of {@code n} elements: one-dimensional in PyTorch's state_dict. */
    public static Parameter vector(String name, int n) {
        return new Parameter(name, n, 1, new double[n], true);
    }

    private Parameter(String name, int rows, int cols, double[] data, boolean vector) {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(name + ": expected " + rows + "x" + cols + " = " + rows * cols
                    + " numbers, got " + data.length);
        }
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.data = data;
        this.vector = vector;
    }

    public String name() { return name; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public int size() { return data.length; }

    /** Whether this is a vector (a bias): PyTorch gives it a one-dimensional shape. */
    public boolean isVector() { return vector; }

    /** The live values; call {@link #touch()} after writing. */
    public double[] data() { return data; }

    /** Records that {@link #data()} was written. */
    public void touch() { version++; }

    /** Increases with every {@link #touch()}; layers compare it to refresh caches. */
    public int version() { return version; }

    /**
     * Wᵀ ({@code cols×rows}), the layout the forward kernels stream: a cached copy, taken again only
     * after a {@link #touch()}. Read only. Synchronized: two training threads may ask at once, and the
     * trainer refreshes it right after its update, on the thread that updated the parameter.
     */
    public synchronized double[] transposed() {
        if (transposed == null) transposed = new double[data.length];
        if (transposedVersion != version) {
            Kernels.transpose(rows, cols, data, transposed);
            transposedVersion = version;
        }
        return transposed;
    }

    /** Brings the cached Wᵀ up to date if some kernel reads it (a no-op for a parameter never read transposed). */
    public synchronized void refreshTransposed() {
        if (transposed != null) transposed();
    }

    /** Overwrites the values with {@code values} (same length) and touches. */
    public void set(double[] values) {
        if (values.length != data.length) {
            throw new IllegalArgumentException(name + ": expected " + data.length + " numbers, got " + values.length);
        }
        System.arraycopy(values, 0, data, 0, data.length);
        touch();
    }

    /** PyTorch's shape, {@code [rows, cols]} or {@code [rows]} for a vector. */
    public int[] shape() {
        return isVector() ? new int[] {rows} : new int[] {rows, cols};
    }
}
