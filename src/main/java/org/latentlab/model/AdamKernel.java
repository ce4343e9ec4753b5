package org.latentlab.model;

/**
 * One Adam update of a range of a flat parameter array, PyTorch's formula (which the numpy peer
 * copies): m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − (lr / (1−β₁ᵗ)) · m / (√v / √(1−β₂ᵗ) + ε).
 * m and v are set to 0 when they fall below the normal float range: that happens to the moments of
 * a parameter whose gradient has stopped (m shrinks by β₁ a step and would stick at a few times
 * 2⁻¹⁴⁹), and there the step lr·m̂/(√v̂ + ε) is already far below the parameter's last bit, so zero
 * changes nothing ({@link Subnormals}). This is the scalar reference, which also finishes what
 * {@link VectorAdamKernel} leaves over. Stateless.
 */
class AdamKernel {

    /** β₁, β₂ and ε as in PyTorch; the corrections 1 − βᵗ use them in double, the update in float. */
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    static final float B1 = (float) BETA1;
    static final float B2 = (float) BETA2;
    static final float EPS = (float) EPSILON;

    /**
     * @param stepSize              lr / (1 − β₁ᵗ)
     * @param inverseRootCorrection 1 / √(1 − β₂ᵗ)
     */
    void update(NativeFloats p, NativeFloats g, NativeFloats m, NativeFloats v, int from, int to, float stepSize,
            float inverseRootCorrection) {
        updateRange(p, g, m, v, from, to, stepSize, inverseRootCorrection);
    }

    static void updateRange(NativeFloats p, NativeFloats g, NativeFloats m, NativeFloats v, int from, int to,
            float stepSize, float inverseRootCorrection) {
        for (int i = from; i < to; i++) {
            float gradient = g.get(i);
            float first = Subnormals.flushed(B1 * m.get(i) + (1 - B1) * gradient);
            float second = Subnormals.flushed(B2 * v.get(i) + (1 - B2) * (gradient * gradient));
            m.put(i, first);
            v.put(i, second);
            p.put(i, p.get(i) - stepSize * first / ((float) Math.sqrt(second) * inverseRootCorrection + EPS));
        }
    }
}
