package org.latentlab.model;

/**
 * Floats below the normal range, 0 &lt; |x| &lt; {@link Float#MIN_NORMAL} ≈ 1.18·10⁻³⁸. An x86
 * processor computes with them in microcode, many times slower than with normal floats, unless its
 * flush-to-zero modes are on, which Java cannot switch on. So the kernels write zero where such a
 * value would arise and could no longer change what the network learns (docs/decisions/0012).
 * Stateless.
 */
final class Subnormals {

    /**
     * The kernels take e^−y as 0 for y beyond this. e^−40 ≈ 4.2·10⁻¹⁸ keeps what they compute from
     * it normal (its square in log(1 + e), the gradient e/B, and that gradient times an activation
     * in a multiply), while a term that small lies far below the rounding of every sum it enters.
     */
    static final float NEGLIGIBLE_EXPONENT = 40f;

    private Subnormals() {
    }

    /** x, or 0 if x is subnormal. */
    static float flushed(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }

    /** How many of {@code values[from..to)} are subnormal. */
    static int count(float[] values, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (values[i] != 0 && Math.abs(values[i]) < Float.MIN_NORMAL) {
                count++;
            }
        }
        return count;
    }
}
