package org.latentlab.model;

import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LikelihoodKernels} with the Java Vector API: the same formulas, a vector of pixels at a
 * time (exp and log through the JDK's vector math), sums kept per lane in float and added up in
 * double once per row. Loaded only when {@code jdk.incubator.vector} is present. Stateless.
 */
final class VectorLikelihoodKernels extends LikelihoodKernels {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    @Override
    double bernoulli(NativeFloats logits, NativeFloats targets, int targetStride, NativeFloats gradient, float scale,
            int rows, int width) {
        int bound = SPECIES.loopBound(width);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            int targetRow = r * targetStride;
            total += gradient == null
                    ? bernoulliRow(logits, row, targets, targetRow, bound)
                    : bernoulliRowWithGradient(logits, row, targets, targetRow, gradient, scale, bound);
            total += bernoulli(logits, row, targets, targetRow, gradient, scale, bound, width);
        }
        return total;
    }

    private static float bernoulliRow(NativeFloats logits, int row, NativeFloats targets, int targetRow, int bound) {
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector l = FloatVector.fromByteBuffer(SPECIES, logits.bytes, (row + c) << 2, ORDER);
            FloatVector x = FloatVector.fromByteBuffer(SPECIES, targets.bytes, (targetRow + c) << 2, ORDER);
            FloatVector e = l.abs().neg().lanewise(VectorOperators.EXP);
            sum = sum.add(l.max(0f).add(e.lanewise(VectorOperators.LOG1P)).sub(x.mul(l)));
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    private static float bernoulliRowWithGradient(NativeFloats logits, int row, NativeFloats targets, int targetRow,
            NativeFloats gradient, float scale, int bound) {
        FloatVector sum = FloatVector.zero(SPECIES);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector l = FloatVector.fromByteBuffer(SPECIES, logits.bytes, (row + c) << 2, ORDER);
            FloatVector x = FloatVector.fromByteBuffer(SPECIES, targets.bytes, (targetRow + c) << 2, ORDER);
            FloatVector e = l.abs().neg().lanewise(VectorOperators.EXP);
            sum = sum.add(l.max(0f).add(e.lanewise(VectorOperators.LOG1P)).sub(x.mul(l)));
            FloatVector sigmoid = one.blend(e, l.compare(VectorOperators.LT, 0f)).div(e.add(1f));
            sigmoid.sub(x).mul(scale).intoByteBuffer(gradient.bytes, (row + c) << 2, ORDER);
        }
        return sum.reduceLanes(VectorOperators.ADD);
    }

    @Override
    double squaredResiduals(NativeFloats means, NativeFloats targets, int targetStride, NativeFloats gradient,
            float gradientScale, int rows, int width) {
        int bound = SPECIES.loopBound(width);
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            int targetRow = r * targetStride;
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int c = 0; c < bound; c += SPECIES.length()) {
                FloatVector m = FloatVector.fromByteBuffer(SPECIES, means.bytes, (row + c) << 2, ORDER);
                FloatVector x = FloatVector.fromByteBuffer(SPECIES, targets.bytes, (targetRow + c) << 2, ORDER);
                FloatVector residual = m.sub(x);
                sum = residual.fma(residual, sum);
                if (gradient != null) {
                    residual.mul(gradientScale).intoByteBuffer(gradient.bytes, (row + c) << 2, ORDER);
                }
            }
            total += sum.reduceLanes(VectorOperators.ADD);
            total += squaredResiduals(means, row, targets, targetRow, gradient, gradientScale, bound, width);
        }
        return total;
    }

    @Override
    void meanImage(Likelihood likelihood, float[] outputs, int from, int to) {
        int bound = from + SPECIES.loopBound(to - from);
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (int i = from; i < bound; i += SPECIES.length()) {
            FloatVector v = FloatVector.fromArray(SPECIES, outputs, i);
            FloatVector mean = likelihood == Likelihood.BERNOULLI
                    ? one.div(v.neg().lanewise(VectorOperators.EXP).add(1f))
                    : v.max(0f).min(1f);
            mean.intoArray(outputs, i);
        }
        meanImageRange(likelihood, outputs, bound, to);
    }
}
