package org.latentlab.model;

import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ActivationKernels} with the Java Vector API: the same formulas, a vector of columns at a
 * time, the scalar reference finishing each row. ELU and tanh take e = e^−|a| (resp. e^−2|a|)
 * from {@link VectorMath} first: ELU(a) = e − 1 for a ≤ 0, tanh(a) = ±(1 − e)/(1 + e). One loop
 * per activation, so that no vector crosses a method call (see {@link VectorMath}). Loaded only
 * when {@code jdk.incubator.vector} is present. Stateless.
 */
final class VectorActivationKernels extends ActivationKernels {

    private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
    private static final ByteOrder ORDER = VectorMath.ORDER;

    @Override
    void forward(Activation f, NativeFloats a, NativeFloats y, int rows, int columns, int yStride) {
        int bound = SPECIES.loopBound(columns);
        float[] scratch = VectorMath.scratch(bound);
        for (int r = 0; r < rows; r++) {
            int aRow = r * columns;
            int yRow = r * yStride;
            switch (f) {
                case RELU -> reluRow(a, aRow, y, yRow, bound);
                case LEAKY_RELU -> leakyReluRow(a, aRow, y, yRow, bound);
                case ELU -> {
                    VectorMath.expOfNegativeAbs(a, aRow, 1f, scratch, bound);
                    eluRow(a, aRow, scratch, y, yRow, bound);
                }
                case TANH -> {
                    VectorMath.expOfNegativeAbs(a, aRow, 2f, scratch, bound);
                    tanhRow(a, aRow, scratch, y, yRow, bound);
                }
            }
            forward(f, a, aRow, y, yRow, bound, columns);
        }
    }

    private static void reluRow(NativeFloats a, int aRow, NativeFloats y, int yRow, int bound) {
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector.fromByteBuffer(SPECIES, a.bytes, (aRow + c) << 2, ORDER).max(0f)
                    .intoByteBuffer(y.bytes, (yRow + c) << 2, ORDER);
        }
    }

    /** max(a, leak·a), which is a for a > 0 and leak·a below, as the leak is below 1. */
    private static void leakyReluRow(NativeFloats a, int aRow, NativeFloats y, int yRow, int bound) {
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector v = FloatVector.fromByteBuffer(SPECIES, a.bytes, (aRow + c) << 2, ORDER);
            v.max(v.mul(Activation.LEAK)).intoByteBuffer(y.bytes, (yRow + c) << 2, ORDER);
        }
    }

    private static void eluRow(NativeFloats a, int aRow, float[] exponentials, NativeFloats y, int yRow, int bound) {
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector v = FloatVector.fromByteBuffer(SPECIES, a.bytes, (aRow + c) << 2, ORDER);
            FloatVector e = FloatVector.fromArray(SPECIES, exponentials, c);
            e.sub(1f).blend(v, v.compare(VectorOperators.GT, 0f)).intoByteBuffer(y.bytes, (yRow + c) << 2, ORDER);
        }
    }

    private static void tanhRow(NativeFloats a, int aRow, float[] exponentials, NativeFloats y, int yRow, int bound) {
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector v = FloatVector.fromByteBuffer(SPECIES, a.bytes, (aRow + c) << 2, ORDER);
            FloatVector e = FloatVector.fromArray(SPECIES, exponentials, c);
            FloatVector magnitude = e.neg().add(1f).div(e.add(1f));
            magnitude.blend(magnitude.neg(), v.compare(VectorOperators.LT, 0f))
                    .intoByteBuffer(y.bytes, (yRow + c) << 2, ORDER);
        }
    }

    @Override
    void backward(Activation f, NativeFloats dy, NativeFloats y, int rows, int columns, int yStride) {
        int bound = SPECIES.loopBound(columns);
        for (int r = 0; r < rows; r++) {
            int dyRow = r * columns;
            int yRow = r * yStride;
            switch (f) {
                case RELU -> belowZeroRow(dy, dyRow, y, yRow, 0f, bound);
                case LEAKY_RELU -> belowZeroRow(dy, dyRow, y, yRow, Activation.LEAK, bound);
                case ELU -> eluDerivativeRow(dy, dyRow, y, yRow, bound);
                case TANH -> tanhDerivativeRow(dy, dyRow, y, yRow, bound);
            }
            backward(f, dy, dyRow, y, yRow, bound, columns);
        }
    }

    /** dy · (y > 0 ? 1 : slope): the derivative of ReLU (slope 0) and leaky ReLU. */
    private static void belowZeroRow(NativeFloats dy, int dyRow, NativeFloats y, int yRow, float slope, int bound) {
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector g = FloatVector.fromByteBuffer(SPECIES, dy.bytes, (dyRow + c) << 2, ORDER);
            FloatVector out = FloatVector.fromByteBuffer(SPECIES, y.bytes, (yRow + c) << 2, ORDER);
            g.blend(g.mul(slope), out.compare(VectorOperators.LE, 0f)).intoByteBuffer(dy.bytes, (dyRow + c) << 2, ORDER);
        }
    }

    /** dy · (y > 0 ? 1 : y + 1). */
    private static void eluDerivativeRow(NativeFloats dy, int dyRow, NativeFloats y, int yRow, int bound) {
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector g = FloatVector.fromByteBuffer(SPECIES, dy.bytes, (dyRow + c) << 2, ORDER);
            FloatVector out = FloatVector.fromByteBuffer(SPECIES, y.bytes, (yRow + c) << 2, ORDER);
            g.blend(g.mul(out.add(1f)), out.compare(VectorOperators.LE, 0f))
                    .intoByteBuffer(dy.bytes, (dyRow + c) << 2, ORDER);
        }
    }

    /** dy · (1 − y²). */
    private static void tanhDerivativeRow(NativeFloats dy, int dyRow, NativeFloats y, int yRow, int bound) {
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector g = FloatVector.fromByteBuffer(SPECIES, dy.bytes, (dyRow + c) << 2, ORDER);
            FloatVector out = FloatVector.fromByteBuffer(SPECIES, y.bytes, (yRow + c) << 2, ORDER);
            g.mul(out.mul(out).neg().add(1f)).intoByteBuffer(dy.bytes, (dyRow + c) << 2, ORDER);
        }
    }

    /** How many floats one vector holds on this machine. */
    static int lanes() {
        return SPECIES.length();
    }
}
