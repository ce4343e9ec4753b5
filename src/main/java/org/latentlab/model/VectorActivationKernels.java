package org.latentlab.model;

import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ActivationKernels} with the Java Vector API: the same formulas, a whole vector of columns
 * at a time, the scalar reference finishing each row. Loaded only when {@code jdk.incubator.vector}
 * is present. Stateless.
 */
final class VectorActivationKernels extends ActivationKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    @Override
    void forward(Activation f, NativeFloats a, NativeFloats y, int rows, int columns, int yStride) {
        int bound = SPECIES.loopBound(columns);
        for (int r = 0; r < rows; r++) {
            int aRow = r * columns;
            int yRow = r * yStride;
            for (int c = 0; c < bound; c += SPECIES.length()) {
                FloatVector x = FloatVector.fromByteBuffer(SPECIES, a.bytes, (aRow + c) << 2, ORDER);
                apply(f, x).intoByteBuffer(y.bytes, (yRow + c) << 2, ORDER);
            }
            forward(f, a, aRow, y, yRow, bound, columns);
        }
    }

    @Override
    void backward(Activation f, NativeFloats dy, NativeFloats y, int rows, int columns, int yStride) {
        int bound = SPECIES.loopBound(columns);
        for (int r = 0; r < rows; r++) {
            int dyRow = r * columns;
            int yRow = r * yStride;
            for (int c = 0; c < bound; c += SPECIES.length()) {
                FloatVector g = FloatVector.fromByteBuffer(SPECIES, dy.bytes, (dyRow + c) << 2, ORDER);
                FloatVector out = FloatVector.fromByteBuffer(SPECIES, y.bytes, (yRow + c) << 2, ORDER);
                g.mul(derivativeFromOutput(f, out)).intoByteBuffer(dy.bytes, (dyRow + c) << 2, ORDER);
            }
            backward(f, dy, dyRow, y, yRow, bound, columns);
        }
    }

    /** {@link Activation#apply} for a vector of pre-activations. */
    private static FloatVector apply(Activation f, FloatVector a) {
        return switch (f) {
            case RELU -> a.max(0f);
            case LEAKY_RELU -> a.max(a.mul(Activation.LEAK));
            case ELU -> a.lanewise(VectorOperators.EXPM1).blend(a, a.compare(VectorOperators.GT, 0f));
            case TANH -> a.lanewise(VectorOperators.TANH);
        };
    }

    /** {@link Activation#derivativeFromOutput} for a vector of outputs. */
    private static FloatVector derivativeFromOutput(Activation f, FloatVector y) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        return switch (f) {
            case RELU -> one.blend(0f, y.compare(VectorOperators.LE, 0f));
            case LEAKY_RELU -> one.blend(Activation.LEAK, y.compare(VectorOperators.LE, 0f));
            case ELU -> one.blend(y.add(1f), y.compare(VectorOperators.LE, 0f));
            case TANH -> one.sub(y.mul(y));
        };
    }

    /** How many floats one vector holds on this machine. */
    static int lanes() {
        return SPECIES.length();
    }
}
