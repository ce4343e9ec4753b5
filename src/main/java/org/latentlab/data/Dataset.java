package org.latentlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of square or rectangular grayscale images with optional integer labels.
 *
 * <p>Pixels are stored row-major, one image after another, as intensities in [0, 1] where 1 is
 * ink (MNIST's convention). Labels index into {@link #classNames()}; an unlabelled set has no
 * label array and every {@link #label(int)} is {@link #UNLABELLED}.
 */
public final class Dataset {

    /** The label of an image in a set without labels. */
    public static final int UNLABELLED = -1;

    private final String name;
    private final int width;
    private final int height;
    private final float[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @param pixels     {@code size × width × height} intensities in [0, 1]; not copied, so the
     *                   caller must not change it afterwards
     * @param labels     one label per image in {@code [0, classNames.size())}, or {@code null}
     * @param classNames the names of the labels (empty for an unlabelled set)
     */
    public Dataset(String name, int width, int height, float[] pixels, int[] labels, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "×" + height);
        }
        int pixelCount = width * height;
        if (pixels.length % pixelCount != 0) {
            throw new IllegalArgumentException("pixel array of length " + pixels.length
                    + " is not a whole number of " + width + "×" + height + " images");
        }
        int size = pixels.length / pixelCount;
        if (labels != null && labels.length != size) {
            throw new IllegalArgumentException(size + " images but " + labels.length + " labels");
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        if (labels != null) {
            for (int label : labels) {
                if (label < 0 || label >= this.classNames.size()) {
                    throw new IllegalArgumentException("label " + label + " outside the "
                            + this.classNames.size() + " class names");
                }
            }
        }
    }

    public String name() {
        return name;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixels per image: the input dimension of a model trained on this set. */
    public int pixelCount() {
        return width * height;
    }

    public int size() {
        return pixels.length / pixelCount();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The label of image {@code i}, or {@link #UNLABELLED}. */
    public int label(int i) {
        Objects.checkIndex(i, size());
        return labels == null ? UNLABELLED : labels[i];
    }

    public List<String> classNames() {
        return classNames;
    }

    /** A copy of image {@code i}. */
    public float[] image(int i) {
        float[] out = new float[pixelCount()];
        copyImage(i, out, 0);
        return out;
    }

    /** Copies image {@code i} into {@code target} starting at {@code offset}. */
    public void copyImage(int i, float[] target, int offset) {
        Objects.checkIndex(i, size());
        System.arraycopy(pixels, i * pixelCount(), target, offset, pixelCount());
    }

    /** The images at {@code indices}, in that order, as a new set called {@code newName}. */
    public Dataset subset(int[] indices, String newName) {
        int n = pixelCount();
        float[] picked = new float[indices.length * n];
        int[] pickedLabels = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            copyImage(indices[k], picked, k * n);
            if (pickedLabels != null) {
                pickedLabels[k] = labels[indices[k]];
            }
        }
        return new Dataset(newName, width, height, picked, pickedLabels, classNames);
    }

    /** The first {@code count} images (or all, if there are fewer). */
    public Dataset head(int count) {
        int[] indices = new int[Math.min(count, size())];
        Arrays.setAll(indices, i -> i);
        return subset(indices, name);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images of " + width + "×" + height + ")";
    }
}
