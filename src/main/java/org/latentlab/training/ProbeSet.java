package org.latentlab.training;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.latentlab.data.Attributes;
import org.latentlab.model.Encoding;

/**
 * Where the held-out probe images sit in latent space at one moment of training, with the images
 * themselves so a view can show the picture behind any point.
 *
 * <p>The pixel and label arrays are the probe's own, made once per session and shared by all its
 * snapshots (views compare them by identity to see a new probe set, and copying 31 MB of pixels
 * into every snapshot would cost more than the snapshot). Nobody writes to them, the trainer
 * included, and no reader may; {@link #image} and {@link #label} read one image or label.
 *
 * @param encoding    their posterior means (and log-variances, for a VAE), in validation-set order
 * @param pixels      the images, row-major, {@code imageWidth × imageHeight} intensities in [0, 1] each
 * @param imageWidth  width of one image in pixels
 * @param imageHeight height of one image in pixels
 * @param labels      their labels, or −1 where unlabelled
 * @param classNames  the names of the labels
 * @param attributes  the images' known attributes (the faces' smile, …), in the same order, or
 *                    {@link Attributes#none()}
 */
public record ProbeSet(Encoding encoding, float[] pixels, int imageWidth, int imageHeight, int[] labels,
                       List<String> classNames, Attributes attributes) {

    public ProbeSet {
        classNames = List.copyOf(classNames);
        Objects.requireNonNull(attributes, "attributes");
        if (!attributes.isEmpty() && attributes.size() != encoding.count()) {
            throw new IllegalArgumentException(encoding.count() + " encoded images but attributes of " + attributes.size());
        }
        if (labels.length != encoding.count()) {
            throw new IllegalArgumentException(encoding.count() + " encoded images but " + labels.length + " labels");
        }
        if (pixels.length < encoding.count() * imageWidth * imageHeight) {
            throw new IllegalArgumentException(encoding.count() + " images of " + imageWidth + "×" + imageHeight
                    + " need " + encoding.count() * imageWidth * imageHeight + " pixels, got " + pixels.length);
        }
    }

    /** A probe set of images with no known attributes. */
    public ProbeSet(Encoding encoding, float[] pixels, int imageWidth, int imageHeight, int[] labels,
                    List<String> classNames) {
        this(encoding, pixels, imageWidth, imageHeight, labels, classNames, Attributes.none());
    }

    public int size() {
        return encoding.count();
    }

    /** The label of image {@code i}, or −1 if unlabelled. */
    public int label(int i) {
        return labels[i];
    }

    /** A copy of image {@code i}'s pixels. */
    public float[] image(int i) {
        int n = imageWidth * imageHeight;
        return Arrays.copyOfRange(pixels, i * n, (i + 1) * n);
    }

    /**
     * The indices of up to {@code count} probe images, cycling through the classes so that each
     * appears: those the window shows over their reconstructions, and a timeline records.
     */
    public int[] oneOfEachClass(int count) {
        return oneOfEachClass(labels, classNames.size(), count);
    }

    /** {@link #oneOfEachClass(int)} of images with these labels (−1: none) among {@code classes} classes. */
    static int[] oneOfEachClass(int[] labels, int classes, int count) {
        int size = labels.length;
        int n = Math.min(count, size);
        int rounds = Math.max(1, classes);
        int[] chosen = new int[n];
        boolean[] taken = new boolean[size];
        int filled = 0;
        for (int round = 0; filled < n && round < size; round++) {
            int wanted = round % rounds;
            for (int i = 0; i < size; i++) {
                int label = labels[i];
                if (!taken[i] && (label == wanted || label < 0 || classes == 0)) {
                    taken[i] = true;
                    chosen[filled++] = i;
                    break;
                }
            }
        }
        for (int i = 0; filled < n && i < size; i++) {
            if (!taken[i]) {
                taken[i] = true;
                chosen[filled++] = i;
            }
        }
        return chosen;
    }
}
