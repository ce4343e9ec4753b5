package org.latentlab.cli;

import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.latent.NearestNeighbours;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;

/**
 * How much of an image's class its latent code holds: the held-out images' classes guessed from
 * their codes (posterior means) by the {@value #K} nearest codes of training images. A VAE's codes
 * cluster by class and give most of them back; a conditional VAE reads the class beside its code,
 * so the code need not hold it, and the guess should be little better than chance.
 */
final class ClassFromCode {

    /** How many neighbours vote. */
    static final int K = 10;

    private ClassFromCode() {
    }

    /** The share of held-out images whose class the nearest training codes give, in [0, 1]. */
    static double accuracy(LatentModel model, Dataset training, Dataset held) {
        Encoding reference = model.encode(training.pixels(training.size()), training.labels(training.size()),
                training.size());
        Encoding queries = model.encode(held.pixels(held.size()), held.labels(held.size()), held.size());
        NearestNeighbours classifier = new NearestNeighbours(reference.means(), training.labels(training.size()),
                training.size(), reference.latentSize(), training.classNames().size(), K);
        return classifier.accuracy(queries.means(), held.labels(held.size()), held.size());
    }

    /**
     * The line {@code evaluate} prints, or {@code null} when the images have no classes to guess:
     * the accuracy beside the share of the held-out images' most common class, which guessing
     * that class alone would get.
     */
    static String describe(LatentModel model, Dataset training, Dataset held) {
        if (!training.hasLabels() || training.classNames().size() < 2 || held.size() == 0 || training.size() < K) {
            return null;
        }
        int[] counts = held.labelCounts();
        int most = 0;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        return String.format(Locale.ROOT, "class from the code: %.1f %% of the %d held-out images get their class from"
                        + " the %d nearest training codes (the most common class alone: %.1f %%)",
                100 * accuracy(model, training, held), held.size(), K, 100.0 * most / held.size());
    }
}
