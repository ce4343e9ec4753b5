package org.latentlab.model;

import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link AdamKernel} with the Java Vector API: the same update, moments below the normal range set
 * to 0 as there, a vector of parameters at a time.
 * Loaded only when {@code jdk.incubator.vector} is present. Stateless.
 */
final class VectorAdamKernel extends AdamKernel {

    private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
    private static final ByteOrder ORDER = VectorMath.ORDER;

    @Override
    void update(NativeFloats p, NativeFloats g, NativeFloats m, NativeFloats v, int from, int to, float stepSize,
            float inverseRootCorrection) {
        int bound = from + SPECIES.loopBound(to - from);
        for (int i = from; i < bound; i += SPECIES.length()) {
            int at = i << 2;
            FloatVector gradient = FloatVector.fromByteBuffer(SPECIES, g.bytes, at, ORDER);
            FloatVector first = FloatVector.fromByteBuffer(SPECIES, m.bytes, at, ORDER).mul(B1)
                    .add(gradient.mul(1 - B1));
            first = first.blend(0f, first.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            FloatVector second = FloatVector.fromByteBuffer(SPECIES, v.bytes, at, ORDER).mul(B2)
                    .add(gradient.mul(gradient).mul(1 - B2));
            second = second.blend(0f, second.compare(VectorOperators.LT, Float.MIN_NORMAL)); // v ≥ 0
            first.intoByteBuffer(m.bytes, at, ORDER);
            second.intoByteBuffer(v.bytes, at, ORDER);
            FloatVector denominator = second.sqrt().mul(inverseRootCorrection).add(EPS);
            FloatVector.fromByteBuffer(SPECIES, p.bytes, at, ORDER).sub(first.mul(stepSize).div(denominator))
                    .intoByteBuffer(p.bytes, at, ORDER);
        }
        updateRange(p, g, m, v, bound, to, stepSize, inverseRootCorrection);
    }
}
