package org.latentlab.model;

import java.util.random.RandomGenerator;

/**
 * One stochastic level of a VAE over a batch: the posterior q(z|x) = N(μ, diag σ²) that two linear
 * heads give (μ and s = log σ²), the reparameterised draw z = μ + σ ⊙ ε, its KL term and the
 * gradients back through both. The prior is N(0, I), or a Gaussian N(m, diag eᵛ) that two more
 * heads of the network give (a hierarchical VAE's conditional prior p(z₁|z₂)).
 *
 * <pre>
 *   KL per image      ½ Σ_j (v_j − s_j + (σ_j² + (μ_j − m_j)²)·e^(−v_j) − 1)     (m = v = 0 for N(0, I))
 *   with k = β / B:   ∂L/∂μ = ∂L/∂z + k·(μ − m)·e^(−v)
 *                     ∂L/∂s = ∂L/∂z·ε·½σ + k·½(σ²·e^(−v) − 1)
 *                     ∂L/∂m = −k·(μ − m)·e^(−v)
 *                     ∂L/∂v = k·½(1 − (σ² + (μ − m)²)·e^(−v))
 * </pre>
 *
 * <p>Confined to the thread that owns the network.
 */
final class GaussianLevel {

    final int rows;
    final int size;
    final LayerPass meanHead;
    final LayerPass logVarianceHead;
    /** The conditional prior's heads, or {@code null} for N(0, I). */
    final LayerPass priorMeanHead;
    final LayerPass priorLogVarianceHead;
    /** ε of the last draw. */
    final NativeFloats epsilon;
    /** z̃ = [z, 1], or [z, y, 1] with a conditional VAE's one-hot class y: what the next layer reads. */
    final NativeFloats z;
    /** The distance between rows of {@link #z}. */
    private final int zStride;
    /** ∂L/∂z, written by the layer that reads z. */
    final NativeFloats zGradient;

    /** A level whose z̃ is [z, 1]; see the constructor below. */
    GaussianLevel(LayerPass meanHead, LayerPass logVarianceHead, LayerPass priorMeanHead,
            LayerPass priorLogVarianceHead) {
        this(meanHead, logVarianceHead, priorMeanHead, priorLogVarianceHead, 0);
    }

    /**
     * @param priorMeanHead        the head giving m, or {@code null} for the prior N(0, I)
     * @param priorLogVarianceHead the head giving v, {@code null} with {@code priorMeanHead}
     * @param conditionColumns     columns between z and the 1 of z̃ that its owner fills (a class, one-hot)
     */
    GaussianLevel(LayerPass meanHead, LayerPass logVarianceHead, LayerPass priorMeanHead,
            LayerPass priorLogVarianceHead, int conditionColumns) {
        this.rows = meanHead.rows;
        this.size = meanHead.layer.outputs;
        this.meanHead = meanHead;
        this.logVarianceHead = logVarianceHead;
        this.priorMeanHead = priorMeanHead;
        this.priorLogVarianceHead = priorLogVarianceHead;
        this.epsilon = NativeFloats.matrix(rows, size);
        this.z = NativeFloats.augmentedMatrix(rows, size + conditionColumns);
        this.zStride = size + conditionColumns + 1;
        this.zGradient = NativeFloats.matrix(rows, size);
    }

    NativeFloats mean() {
        return meanHead.output;
    }

    NativeFloats logVariance() {
        return logVarianceHead.output;
    }

    /** z = μ + exp(½ log σ²) ⊙ ε with ε ~ N(0, I) drawn afresh, row by row. */
    void sample(RandomGenerator noise) {
        NativeFloats mu = mean();
        NativeFloats logVar = logVariance();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < size; j++) {
                int i = r * size + j;
                float e = (float) noise.nextGaussian();
                epsilon.put(i, e);
                z.put(r * zStride + j, mu.get(i) + (float) Math.exp(0.5 * logVar.get(i)) * e);
            }
        }
    }

    /** Adds each image's KL term, split by dimension, into {@code sums} from {@code offset} on. */
    void addKl(double[] sums, int offset) {
        NativeFloats mu = mean();
        NativeFloats logVar = logVariance();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < size; j++) {
                int i = r * size + j;
                sums[offset + j] += priorMeanHead == null
                        ? GaussianKl.fromStandardNormal(mu.get(i), logVar.get(i))
                        : GaussianKl.between(mu.get(i), logVar.get(i), priorMeanHead.output.get(i),
                                priorLogVarianceHead.output.get(i));
            }
        }
    }

    /**
     * From ∂L/∂z (in {@link #zGradient}) to the gradients of the heads' outputs, adding the KL
     * term's own at weight {@code klScale} = β/B: see the class comment.
     */
    void backward(float klScale) {
        NativeFloats dz = zGradient;
        NativeFloats mu = mean();
        NativeFloats logVar = logVariance();
        NativeFloats dMu = meanHead.outputGradient;
        NativeFloats dLogVar = logVarianceHead.outputGradient;
        int n = rows * size;
        if (priorMeanHead == null) {
            for (int i = 0; i < n; i++) {
                float variance = (float) Math.exp(logVar.get(i));
                float std = (float) Math.sqrt(variance);
                dMu.put(i, dz.get(i) + klScale * mu.get(i));
                dLogVar.put(i, dz.get(i) * epsilon.get(i) * 0.5f * std + klScale * 0.5f * (variance - 1f));
            }
            return;
        }
        NativeFloats m = priorMeanHead.output;
        NativeFloats v = priorLogVarianceHead.output;
        NativeFloats dM = priorMeanHead.outputGradient;
        NativeFloats dV = priorLogVarianceHead.outputGradient;
        for (int i = 0; i < n; i++) {
            float variance = (float) Math.exp(logVar.get(i));
            float std = (float) Math.sqrt(variance);
            float precision = (float) Math.exp(-v.get(i));
            float difference = mu.get(i) - m.get(i);
            float pull = klScale * difference * precision;
            dMu.put(i, dz.get(i) + pull);
            dLogVar.put(i, dz.get(i) * epsilon.get(i) * 0.5f * std + klScale * 0.5f * (variance * precision - 1f));
            dM.put(i, -pull);
            dV.put(i, klScale * 0.5f * (1f - (variance + difference * difference) * precision));
        }
    }
}
