package org.latentlab.model;

import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LikelihoodKernels} with the Java Vector API: the same formulas, a vector of pixels at a
 * time, the scalar reference finishing each row. A Bernoulli row takes two loops: e = e^−|l| into
 * a scratch row ({@link VectorMath}), then the loss and gradient from it, with
 * log(1 + e) = 2·atanh(s) = 2(s + s³/3 + … + s¹⁵/15), s = e / (2 + e) ≤ ⅓ (truncation below 10⁻⁹).
 * Sums are kept per lane in float and added up in double once per row. Loaded only when
 * {@code jdk.incubator.vector} is present. Stateless.
 */
final class VectorLikelihoodKernels extends LikelihoodKernels {

    private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
    private static final ByteOrder ORDER = VectorMath.ORDER;
    /** Elements per pass of {@link #meanImage}: its scratch row. */
    private static final int CHUNK = 1024;

    @Override
    double bernoulli(NativeFloats logits, NativeFloats targets, int targetStride, NativeFloats gradient, float scale,
            int rows, int width) {
        int bound = SPECIES.loopBound(width);
        float[] scratch = VectorMath.scratch(bound + SPECIES.length());
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            int targetRow = r * targetStride;
            VectorMath.expOfNegativeAbs(logits, row, 1f, scratch, bound);
            total += softplusRow(logits, row, targets, targetRow, scratch, gradient, scale, bound);
            total += bernoulli(logits, row, targets, targetRow, gradient, scale, bound, width);
        }
        return total;
    }

    @Override
    void softplusSums(NativeFloats logits, int rows, int width, double[] sums) {
        int bound = SPECIES.loopBound(width);
        float[] scratch = VectorMath.scratch(bound + SPECIES.length());
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            VectorMath.expOfNegativeAbs(logits, row, 1f, scratch, bound);
            FloatVector sum = FloatVector.zero(SPECIES);
            for (int c = 0; c < bound; c += SPECIES.length()) {
                FloatVector l = FloatVector.fromByteBuffer(SPECIES, logits.bytes, (row + c) << 2, ORDER);
                sum = sum.add(l.max(0f).add(log1p(FloatVector.fromArray(SPECIES, scratch, c))));
            }
            sum.intoArray(scratch, bound);
            sums[r] = VectorMath.sumOfLanes(scratch, bound) + softplus(logits, row, bound, width);
        }
    }

    /** log(1 + e) for 0 ≤ e ≤ 1, as 2·atanh(s) = 2(s + s³/3 + … + s¹⁵/15) with s = e / (2 + e) ≤ ⅓. */
    private static FloatVector log1p(FloatVector e) {
        FloatVector s = e.div(e.add(2f));
        FloatVector z = s.mul(s);
        FloatVector series = z.fma(1f / 15, 1f / 13).fma(z, constant(1f / 11)).fma(z, constant(1f / 9))
                .fma(z, constant(1f / 7)).fma(z, constant(1f / 5)).fma(z, constant(1f / 3)).fma(z, constant(1f));
        return s.add(s).mul(series);
    }

    private static FloatVector constant(float value) {
        return FloatVector.broadcast(SPECIES, value);
    }

    /**
     * Σ softplus(l) − x·l = max(l, 0) + log(1 + e) − x·l over a row's full vectors, with e read
     * from {@code scratch}; writes scale · (sigmoid(l) − x), sigmoid(l) = (l ≥ 0 ? 1 : e) / (1 + e),
     * unless {@code gradient} is {@code null}.
     */
    private static double softplusRow(NativeFloats logits, int row, NativeFloats targets, int targetRow,
            float[] scratch, NativeFloats gradient, float scale, int bound) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int c = 0; c < bound; c += SPECIES.length()) {
            FloatVector l = FloatVector.fromByteBuffer(SPECIES, logits.bytes, (row + c) << 2, ORDER);
            FloatVector x = FloatVector.fromByteBuffer(SPECIES, targets.bytes, (targetRow + c) << 2, ORDER);
            FloatVector e = FloatVector.fromArray(SPECIES, scratch, c);
            sum = sum.add(l.max(0f).add(log1p(e)).sub(x.mul(l)));
            if (gradient != null) {
                FloatVector sigmoid = one.blend(e, l.compare(VectorOperators.LT, 0f)).div(e.add(1f));
                sigmoid.sub(x).mul(scale).intoByteBuffer(gradient.bytes, (row + c) << 2, ORDER);
            }
        }
        sum.intoArray(scratch, bound);
        return VectorMath.sumOfLanes(scratch, bound);
    }

    @Override
    double squaredResiduals(NativeFloats means, NativeFloats targets, int targetStride, NativeFloats gradient,
            float gradientScale, int rows, int width) {
        int bound = SPECIES.loopBound(width);
        float[] lanes = VectorMath.scratch(SPECIES.length());
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
            sum.intoArray(lanes, 0);
            total += VectorMath.sumOfLanes(lanes, 0);
            total += squaredResiduals(means, row, targets, targetRow, gradient, gradientScale, bound, width);
        }
        return total;
    }

    @Override
    void squaredResidualsByColumn(NativeFloats means, NativeFloats targets, int targetStride, NativeFloats gradient,
            float[] columnScales, float[] columnSums, int rows, int width) {
        java.util.Arrays.fill(columnSums, 0, width, 0f);
        int bound = SPECIES.loopBound(width);
        for (int r = 0; r < rows; r++) {
            int row = r * width;
            int targetRow = r * targetStride;
            for (int c = 0; c < bound; c += SPECIES.length()) {
                FloatVector m = FloatVector.fromByteBuffer(SPECIES, means.bytes, (row + c) << 2, ORDER);
                FloatVector x = FloatVector.fromByteBuffer(SPECIES, targets.bytes, (targetRow + c) << 2, ORDER);
                FloatVector residual = m.sub(x);
                residual.fma(residual, FloatVector.fromArray(SPECIES, columnSums, c)).intoArray(columnSums, c);
                if (gradient != null) {
                    FloatVector g = residual.mul(FloatVector.fromArray(SPECIES, columnScales, c));
                    g.blend(0f, g.abs().compare(VectorOperators.LT, Float.MIN_NORMAL))
                            .intoByteBuffer(gradient.bytes, (row + c) << 2, ORDER);
                }
            }
            squaredResidualsByColumn(means, row, targets, targetRow, gradient, columnScales, columnSums, bound, width);
        }
    }

    @Override
    void meanImage(Likelihood likelihood, NativeFloats outputs, int from, int to) {
        if (likelihood != Likelihood.BERNOULLI) {
            super.meanImage(likelihood, outputs, from, to); // a clip to [0, 1], once per decode
            return;
        }
        float[] scratch = VectorMath.scratch(CHUNK);
        int start = from;
        while (to - start >= SPECIES.length()) {
            int count = Math.min(CHUNK, SPECIES.loopBound(to - start));
            VectorMath.expOfNegativeAbs(outputs, start, 1f, scratch, count);
            sigmoids(outputs, start, scratch, count);
            start += count;
        }
        meanImageRange(likelihood, outputs, start, to);
    }

    /** l ← sigmoid(l) = (l ≥ 0 ? 1 : e) / (1 + e) with e = e^−|l| from {@code scratch}. */
    private static void sigmoids(NativeFloats logits, int from, float[] scratch, int count) {
        FloatVector one = FloatVector.broadcast(SPECIES, 1f);
        for (int i = 0; i < count; i += SPECIES.length()) {
            FloatVector l = FloatVector.fromByteBuffer(SPECIES, logits.bytes, (from + i) << 2, ORDER);
            FloatVector e = FloatVector.fromArray(SPECIES, scratch, i);
            one.blend(e, l.compare(VectorOperators.LT, 0f)).div(e.add(1f))
                    .intoByteBuffer(logits.bytes, (from + i) << 2, ORDER);
        }
    }
}
