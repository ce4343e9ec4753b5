package org.latentlab.training;

import java.util.List;

/**
 * What one epoch achieved, in nats per image.
 *
 * @param epoch                    1-based epoch number
 * @param iteration                iterations completed when the epoch ended
 * @param trainingObjective        mean weighted objective over the epoch's batches
 * @param trainingReconstruction   mean reconstruction term over the epoch's batches
 * @param trainingKl               mean KL term over the epoch's batches
 * @param validationReconstruction reconstruction term on the held-out images
 * @param validationKl             KL term on the held-out images
 * @param beta                     β at the end of the epoch
 * @param seconds                  time spent training and evaluating the epoch
 * @param trainingKlByLevel        the training KL term by stochastic level, lowest first (sums to
 *                                 {@code trainingKl}; one number for a model of one level)
 * @param validationKlByLevel      the held-out KL term by level, likewise
 * @param rareGroup                the rare group's held-out reconstruction against the other
 *                                 images', and its share of the draws; {@code null} when the set has
 *                                 no rare group
 */
public record EpochMetrics(
        int epoch,
        long iteration,
        double trainingObjective,
        double trainingReconstruction,
        double trainingKl,
        double validationReconstruction,
        double validationKl,
        double beta,
        double seconds,
        List<Double> trainingKlByLevel,
        List<Double> validationKlByLevel,
        RareGroupMetrics rareGroup) {

    public EpochMetrics {
        trainingKlByLevel = List.copyOf(trainingKlByLevel);
        validationKlByLevel = List.copyOf(validationKlByLevel);
        if (trainingKlByLevel.isEmpty() || trainingKlByLevel.size() != validationKlByLevel.size()) {
            throw new IllegalArgumentException("the KL term of " + trainingKlByLevel.size() + " training and "
                    + validationKlByLevel.size() + " held-out levels");
        }
    }

    /** The metrics of a model of one stochastic level on a set without a rare group. */
    public EpochMetrics(int epoch, long iteration, double trainingObjective, double trainingReconstruction,
            double trainingKl, double validationReconstruction, double validationKl, double beta, double seconds) {
        this(epoch, iteration, trainingObjective, trainingReconstruction, trainingKl, validationReconstruction,
                validationKl, beta, seconds, List.of(trainingKl), List.of(validationKl), null);
    }

    /** How many stochastic levels the model has. */
    public int levels() {
        return trainingKlByLevel.size();
    }

    public boolean hasRareGroup() {
        return rareGroup != null;
    }

    /**
     * The held-out negative ELBO, reconstruction + KL: the KL term in closed form, the
     * reconstruction term from one draw of z per image. Its expectation over that draw bounds
     * −log p(x) from above; a single one-draw estimate need not. (An autoencoder has no posterior:
     * its figure is the reconstruction alone and bounds nothing.)
     */
    public double validationNegativeElbo() {
        return validationReconstruction + validationKl;
    }

    /** The iteration each epoch ended at, in order: where a figure draws its held-out loss. */
    public static int[] endIterations(List<EpochMetrics> epochs) {
        return epochs.stream().mapToInt(e -> Math.toIntExact(e.iteration())).toArray();
    }

    /** Each epoch's held-out negative ELBO, in order. */
    public static float[] validationNegativeElbos(List<EpochMetrics> epochs) {
        float[] values = new float[epochs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) epochs.get(i).validationNegativeElbo();
        }
        return values;
    }
}
