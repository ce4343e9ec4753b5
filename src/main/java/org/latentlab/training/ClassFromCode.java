package org.latentlab.training;

import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.latent.NearestNeighbours;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;

/**
 * How much of an image's class its latent code holds: the held-out images' classes guessed from
 * their codes (posterior means) by the {@value #K} nearest codes of training images. A VAE's codes
 * cluster by class and give most of them back; a conditional VAE reads the class beside its code,
 * so the code need not hold it, and the guess should be little better than chance. The one
 * implementation behind {@code evaluate}'s line and the Conditional tab's readouts.
 */
public final class ClassFromCode {

    /** How many neighbours vote. */
    public static final int K = 10;

    private ClassFromCode() {
    }

    /**
     * The held-out images' codes and the share of them whose class the nearest training codes give.
     *
     * @param codes    the first {@code heldCount} held-out images' posterior means, each encoded
     *                 with its own class if the model reads one
     * @param accuracy the share of them classified right, in [0, 1]
     */
    public record Reading(Encoding codes, double accuracy) {
    }

    /** The share of held-out images whose class the nearest training codes give, in [0, 1]. */
    public static double accuracy(LatentModel model, Dataset training, Dataset held) {
        return measure(model, training, held, held.size()).accuracy();
    }

    /**
     * Encodes every training image and the first {@code heldCount} held-out images with
     * {@code model} (each with its own class, which only a conditional VAE reads), and classifies
     * the held-out codes by their {@value #K} nearest training codes. Runs on the thread that owns
     * the model.
     */
    public static Reading measure(LatentModel model, Dataset training, Dataset held, int heldCount) {
        Encoding reference = model.encode(training.pixels(training.size()), training.labels(training.size()),
                training.size());
        Encoding queries = model.encode(held.pixels(heldCount), held.labels(heldCount), heldCount);
        NearestNeighbours classifier = new NearestNeighbours(reference.means(), training.labels(training.size()),
                training.size(), reference.latentSize(), training.classNames().size(), K);
        return new Reading(queries, classifier.accuracy(queries.means(), held.labels(heldCount), heldCount));
    }

    /** Whether the class can be guessed from the codes of these images: labelled, two classes, enough to vote. */
    public static boolean applies(Dataset training, Dataset held) {
        return training.hasLabels() && training.classNames().size() >= 2 && held.size() > 0 && training.size() >= K;
    }

    /**
     * The share of the commonest class among {@code labels} (−1: unlabelled, not counted), in
     * [0, 1]: what always guessing that class gets, the level a classifier must beat.
     */
    public static double chance(int[] labels, int classes) {
        int[] counts = new int[Math.max(1, classes)];
        int labelled = 0;
        for (int label : labels) {
            if (label >= 0 && label < counts.length) {
                counts[label]++;
                labelled++;
            }
        }
        int most = 0;
        for (int count : counts) {
            most = Math.max(most, count);
        }
        return labelled == 0 ? 0 : (double) most / labelled;
    }

    /**
     * The line {@code evaluate} prints, or {@code null} when the images have no classes to guess:
     * the accuracy beside the share of the held-out images' most common class, which guessing
     * that class alone would get.
     */
    public static String describe(LatentModel model, Dataset training, Dataset held) {
        if (!applies(training, held)) {
            return null;
        }
        double chance = chance(held.labels(held.size()), training.classNames().size());
        return String.format(Locale.ROOT, "class from the code: %.1f %% of the %d held-out images get their class from"
                        + " the %d nearest training codes (the most common class alone: %.1f %%)",
                100 * accuracy(model, training, held), held.size(), K, 100 * chance);
    }
}
