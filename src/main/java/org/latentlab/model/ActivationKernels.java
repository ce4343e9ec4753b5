package org.latentlab.model;

/**
 * A hidden layer's nonlinearity y = f(a) and its backward step ∂L/∂a = ∂L/∂y · f'(a), each one
 * pass over a batch. This is the scalar reference, which also finishes the rows that
 * {@link VectorActivationKernels} leaves over. Stateless.
 */
class ActivationKernels {

    /** y[r·yStride + c] = f(a[r·columns + c]) for every row r and column c. */
    void forward(Activation f, NativeFloats a, NativeFloats y, int rows, int columns, int yStride) {
        for (int r = 0; r < rows; r++) {
            forward(f, a, r * columns, y, r * yStride, 0, columns);
        }
    }

    /** dy[r·columns + c] ← dy[r·columns + c] · f'(a), with f'(a) computed from y = f(a) stored {@code yStride} apart. */
    void backward(Activation f, NativeFloats dy, NativeFloats y, int rows, int columns, int yStride) {
        for (int r = 0; r < rows; r++) {
            backward(f, dy, r * columns, y, r * yStride, 0, columns);
        }
    }

    /** One row's columns {@code from} to {@code to} of {@link #forward}. */
    static void forward(Activation f, NativeFloats a, int aRow, NativeFloats y, int yRow, int from, int to) {
        for (int c = from; c < to; c++) {
            y.put(yRow + c, f.apply(a.get(aRow + c)));
        }
    }

    /** One row's columns {@code from} to {@code to} of {@link #backward}. */
    static void backward(Activation f, NativeFloats dy, int dyRow, NativeFloats y, int yRow, int from, int to) {
        for (int c = from; c < to; c++) {
            dy.put(dyRow + c, dy.get(dyRow + c) * f.derivativeFromOutput(y.get(yRow + c)));
        }
    }
}
