package org.latentlab.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float memory behind an ND4J array, read and written directly by the Java kernels. Holds the
 * array itself: a buffer from {@code asNio()} alone does not keep the native memory alive
 * (FIELD-NOTES), so whoever uses the memory holds this object. Confined to the thread that owns
 * the array.
 */
final class NativeFloats {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    final INDArray array;
    /** The array's whole data buffer, native byte order; element i of the array is at byte {@code 4 * i}. */
    final ByteBuffer bytes;
    private final FloatBuffer floats;

    NativeFloats(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a float array, got " + array.dataType());
        }
        this.array = array;
        ByteBuffer all = array.data().asNio().order(ByteOrder.nativeOrder());
        long offsetBytes = array.offset() * Float.BYTES;
        this.bytes = all.position(Math.toIntExact(offsetBytes)).slice().order(ByteOrder.nativeOrder());
        this.floats = bytes.asFloatBuffer();
    }

    private NativeFloats(INDArray array, ByteBuffer bytes) {
        this.array = array;
        this.bytes = bytes;
        this.floats = bytes.asFloatBuffer();
    }

    /**
     * The same memory read from element {@code from} on, as a kernel that starts at element 0 needs
     * it (one row of a matrix, say). Holds the same array, so it keeps the memory alive too.
     */
    NativeFloats from(int from) {
        int offsetBytes = from << 2;
        return new NativeFloats(array,
                bytes.slice(offsetBytes, bytes.capacity() - offsetBytes).order(ByteOrder.nativeOrder()));
    }

    /** A new zeroed {@code rows × columns} row-major matrix. */
    static NativeFloats matrix(int rows, int columns) {
        return new NativeFloats(Nd4j.create(DataType.FLOAT, rows, columns));
    }

    /**
     * A new {@code rows × (columns + 1)} matrix whose last column is 1: the augmented x̃ = [x, 1]
     * that multiplies an augmented weight matrix W̃ = [W; bᵀ] to give x·W + b in one multiply.
     */
    static NativeFloats augmentedMatrix(int rows, int columns) {
        NativeFloats m = matrix(rows, columns + 1);
        for (int r = 0; r < rows; r++) {
            m.put(r * (columns + 1) + columns, 1f);
        }
        return m;
    }

    float get(int i) {
        return bytes.getFloat(i << 2);
    }

    void put(int i, float value) {
        bytes.putFloat(i << 2, value);
    }

    int length() {
        return bytes.capacity() >> 2;
    }

    /** Copies {@code rows} rows of {@code columns} values from {@code source} into rows {@code stride} apart. */
    void putRows(float[] source, int sourceOffset, int rows, int columns, int stride) {
        for (int r = 0; r < rows; r++) {
            floats.put(r * stride, source, sourceOffset + r * columns, columns);
        }
    }

    /**
     * Writes the classes of {@code rows} images, {@code labels[start]}…, one-hot into columns
     * {@code firstColumn} to {@code firstColumn + classes − 1} of each row: 1 at the class, 0 elsewhere.
     *
     * @throws IllegalArgumentException if a label is not one of the classes
     */
    void putOneHot(int[] labels, int start, int rows, int firstColumn, int classes) {
        if (labels.length < start + rows) {
            throw new IllegalArgumentException(rows + " images from " + start + " need as many labels, got "
                    + labels.length);
        }
        int stride = (int) array.columns();
        for (int r = 0; r < rows; r++) {
            int label = labels[start + r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + label + " is not one of the " + classes + " classes 0.."
                        + (classes - 1));
            }
            for (int c = 0; c < classes; c++) {
                put(r * stride + firstColumn + c, c == label ? 1f : 0f);
            }
        }
    }

    /** Copies {@code length} values starting at element {@code from} into {@code target} at {@code offset}. */
    void copyTo(int from, float[] target, int offset, int length) {
        floats.get(from, target, offset, length);
    }

    /** Copies {@code length} values from {@code source} at {@code offset} into this memory at element {@code from}. */
    void copyFrom(float[] source, int offset, int from, int length) {
        floats.put(from, source, offset, length);
    }
}
