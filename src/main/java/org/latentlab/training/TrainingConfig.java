package org.latentlab.training;

import java.util.Objects;

/**
 * How to train: optimiser settings, the objective's terms and β schedule, and the length of the
 * run. Validated on construction; holds no live objects.
 *
 * @param learningRate Adam's step size
 * @param batchSize    images per step
 * @param epochs       passes over the training set before stopping, or 0 to run until stopped
 * @param beta         the KL weight's schedule
 * @param lossTerms    which terms of the objective are trained
 * @param seed         seeds the order in which images are visited
 * @param debias       α ≥ 0, the strength of debiased sampling: each epoch draws images with
 *                     probability ∝ 1/density^α of their latent codes ({@link DebiasedSampling});
 *                     0 visits every image once per epoch in a seeded shuffle
 */
public record TrainingConfig(
        double learningRate,
        int batchSize,
        int epochs,
        BetaSchedule beta,
        LossTerms lossTerms,
        long seed,
        double debias) {

    public static final int MAX_BATCH_SIZE = 1024;

    public TrainingConfig {
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(lossTerms, "lossTerms");
        requireLearningRate(learningRate);
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batch size " + batchSize + " is outside 1.." + MAX_BATCH_SIZE);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be ≥ 0 (0 runs until stopped), got " + epochs);
        }
        if (!(debias >= 0) || !Double.isFinite(debias)) {
            throw new IllegalArgumentException("the debiasing strength α must be a finite number ≥ 0 (0 turns it off),"
                    + " got " + debias);
        }
    }

    /** Training with a plain shuffle, no debiasing. */
    public TrainingConfig(double learningRate, int batchSize, int epochs, BetaSchedule beta, LossTerms lossTerms,
                          long seed) {
        this(learningRate, batchSize, epochs, beta, lossTerms, seed, 0);
    }

    /** The lectures' defaults: Adam at 10⁻³, batches of 128, β = 1, both terms. */
    public static TrainingConfig defaults(int epochs, long seed) {
        return new TrainingConfig(1e-3, 128, epochs, new BetaSchedule.Constant(1), LossTerms.COMBINED, seed);
    }

    static void requireLearningRate(double learningRate) {
        if (!(learningRate > 0) || learningRate > 1) {
            throw new IllegalArgumentException("learning rate must be in (0, 1], got " + learningRate);
        }
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(learningRate, batchSize, newEpochs, beta, lossTerms, seed, debias);
    }

    public TrainingConfig withDebias(double newDebias) {
        return new TrainingConfig(learningRate, batchSize, epochs, beta, lossTerms, seed, newDebias);
    }

    /** Whether epochs are drawn for debiasing rather than shuffled. */
    public boolean debiasing() {
        return debias > 0;
    }
}
