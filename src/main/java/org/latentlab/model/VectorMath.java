package org.latentlab.model;

import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one exponential of the vector kernels, e^(−k·|x|) ∈ (0, 1], from which they build the
 * sigmoid, softplus, ELU and tanh, plus the per-thread scratch rows they share.
 *
 * <p>Why written out: the Vector API's own EXP gives different last bits before and after the
 * JIT compiles the caller (Java's Math in the interpreter, a vector library once compiled), which
 * made the same seed train differently from run to run; this uses +, ×, fma and bit operations
 * only, the same bits either way. Why loops over memory rather than a function of a vector: a
 * vector passed to or returned from a method the JIT does not inline is boxed on the heap, and
 * HotSpot stops inlining small helpers once they have been compiled on their own, which made a
 * helper-based first version allocate megabytes per batch. So every vector here lives inside one
 * loop of JDK operations. Stateless apart from the per-thread scratch.
 */
final class VectorMath {

    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private static final float LOG2_E = 1.44269504088896341f;
    /** 1.5 · 2²³: adding it rounds a float of magnitude below 2²² to an integer, kept in the low mantissa bits. */
    private static final float ROUNDING = 12582912f;
    private static final int ROUNDING_BITS = Float.floatToRawIntBits(ROUNDING);
    /** ln 2 split in two so that n·LN2_HIGH is exact (Cody and Waite). */
    private static final float LN2_HIGH = 0.693359375f;
    private static final float LN2_LOW = -2.12194440e-4f;
    /** Below this the result is 0 ({@link Subnormals#NEGLIGIBLE_EXPONENT}); it also keeps n well inside 2ⁿ's normal range. */
    private static final float LOWEST = -Subnormals.NEGLIGIBLE_EXPONENT;

    /** Per thread: scratch rows of the kernels, reused from call to call. */
    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    private VectorMath() {
    }

    /**
     * out[i] = e^(−k·|x[from + i]|) for i below {@code count}, a multiple of the vector length, and
     * 0 where k·|x| exceeds {@link Subnormals#NEGLIGIBLE_EXPONENT}, so that nothing computed from it
     * falls below the normal float range: e^y = 2ⁿ · e^r with n = round(y·log₂e) and |r| ≤ ½ln 2,
     * e^r = 1 + r + r²·P(r) with Cephes' polynomial (relative error ≈ 2·10⁻⁷).
     */
    static void expOfNegativeAbs(NativeFloats x, int from, float k, float[] out, int count) {
        FloatVector p1 = FloatVector.broadcast(SPECIES, 8.3334519073e-3f);
        FloatVector p2 = FloatVector.broadcast(SPECIES, 4.1665795894e-2f);
        FloatVector p3 = FloatVector.broadcast(SPECIES, 1.6666665459e-1f);
        FloatVector p4 = FloatVector.broadcast(SPECIES, 5.0000001201e-1f);
        for (int i = 0; i < count; i += SPECIES.length()) {
            FloatVector exponent = FloatVector.fromByteBuffer(SPECIES, x.bytes, (from + i) << 2, ORDER).abs().mul(-k);
            VectorMask<Float> negligible = exponent.compare(VectorOperators.LT, LOWEST);
            FloatVector y = exponent.max(LOWEST);
            FloatVector shifted = y.fma(LOG2_E, ROUNDING);
            FloatVector n = shifted.sub(ROUNDING);
            FloatVector r = n.mul(-LN2_HIGH).add(y).sub(n.mul(LN2_LOW));
            FloatVector p = r.fma(1.9875691500e-4f, 1.3981999507e-3f).fma(r, p1).fma(r, p2).fma(r, p3).fma(r, p4);
            FloatVector er = p.mul(r.mul(r)).add(r).add(1f);
            FloatVector twoToN = shifted.reinterpretAsInts().sub(ROUNDING_BITS - 127)
                    .lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            er.mul(twoToN).blend(0f, negligible).intoArray(out, i);
        }
    }

    /** A scratch array of at least {@code length} floats, this thread's own. */
    static float[] scratch(int length) {
        float[] scratch = SCRATCH.get();
        if (scratch.length < length) {
            scratch = new float[length];
            SCRATCH.set(scratch);
        }
        return scratch;
    }

    /**
     * The lanes of a vector sum, stored at {@code from} by {@code intoArray}, added in lane order
     * in double: the same bits whether the JIT has compiled the caller or not (the Vector API's
     * ADD reduction may add in any order).
     */
    static double sumOfLanes(float[] lanes, int from) {
        double sum = 0;
        for (int i = from; i < from + SPECIES.length(); i++) {
            sum += lanes[i];
        }
        return sum;
    }
}
