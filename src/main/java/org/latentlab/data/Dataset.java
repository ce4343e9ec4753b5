package org.latentlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable set of square or rectangular grayscale images with optional integer labels and
 * optional named continuous {@link Attributes} (the known factors of a synthetic set, or measures of
 * the pixels).
 *
 * <p>Pixels are stored row-major, one image after another, as intensities in [0, 1] where 1 is
 * ink (MNIST's convention). Labels index into {@link #classNames()}; an unlabelled set has no
 * label array and every {@link #label(int)} is {@link #UNLABELLED}.
 *
 * <p>A set read from 8-bit sources can keep its pixels as unsigned bytes ({@link #ofBytes}), a
 * quarter of the memory (Fashion-MNIST: 55 MB instead of 220 MB); its images are still handed out
 * as floats, {@code byte / 255f}.
 */
public final class Dataset {

    /** The label of an image in a set without labels. */
    public static final int UNLABELLED = -1;

    /** {@code BYTE_TO_FLOAT[b] == b / 255f}: the intensity of an unsigned byte pixel. */
    private static final float[] BYTE_TO_FLOAT = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            BYTE_TO_FLOAT[b] = b / 255f;
        }
    }

    private final String name;
    private final int width;
    private final int height;
    /** The pixels as floats, or {@code null} when they are kept in {@link #bytePixels}. */
    private final float[] pixels;
    /** The pixels as unsigned bytes (0..255 meaning 0..1), or {@code null}. */
    private final byte[] bytePixels;
    private final int[] labels;
    private final List<String> classNames;
    private final Attributes attributes;

    /**
     * @param pixels     {@code size × width × height} intensities in [0, 1]; not copied, so the
     *                   caller must not change it afterwards
     * @param labels     one label per image in {@code [0, classNames.size())}, or {@code null}
     * @param classNames the names of the labels (empty for an unlabelled set)
     */
    public Dataset(String name, int width, int height, float[] pixels, int[] labels, List<String> classNames) {
        this(name, width, height, Objects.requireNonNull(pixels, "pixels"), null, labels, classNames,
                Attributes.none());
    }

    /**
     * A set whose pixels are unsigned bytes, 0 for paper to 255 for ink, read as {@code byte / 255f}.
     *
     * @param pixels {@code size × width × height} bytes; not copied, so the caller must not change
     *               it afterwards
     * @see #Dataset(String, int, int, float[], int[], List)
     */
    public static Dataset ofBytes(String name, int width, int height, byte[] pixels, int[] labels,
                                  List<String> classNames) {
        return new Dataset(name, width, height, null, Objects.requireNonNull(pixels, "pixels"), labels, classNames,
                Attributes.none());
    }

    private Dataset(String name, int width, int height, float[] pixels, byte[] bytePixels, int[] labels,
                    List<String> classNames, Attributes attributes) {
        this.name = Objects.requireNonNull(name, "name");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + width + "×" + height);
        }
        int pixelCount = width * height;
        int length = pixels != null ? pixels.length : bytePixels.length;
        if (length % pixelCount != 0) {
            throw new IllegalArgumentException("pixel array of length " + length
                    + " is not a whole number of " + width + "×" + height + " images");
        }
        int size = length / pixelCount;
        if (labels != null && labels.length != size) {
            throw new IllegalArgumentException(size + " images but " + labels.length + " labels");
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
        this.bytePixels = bytePixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
        this.attributes = Objects.requireNonNull(attributes, "attributes");
        if (!attributes.isEmpty() && attributes.size() != size) {
            throw new IllegalArgumentException(size + " images but attributes of " + attributes.size());
        }
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
        return (pixels != null ? pixels.length : bytePixels.length) / pixelCount();
    }

    public boolean hasLabels() {
        return labels != null;
    }

    /** The label of image {@code i}, or {@link #UNLABELLED}. */
    public int label(int i) {
        Objects.checkIndex(i, size());
        return labels == null ? UNLABELLED : labels[i];
    }

    /** The labels of the first {@code count} images, {@link #UNLABELLED} for each in an unlabelled set. */
    public int[] labels(int count) {
        Objects.checkFromToIndex(0, count, size());
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = label(i);
        }
        return out;
    }

    public List<String> classNames() {
        return classNames;
    }

    /**
     * How many images carry each label: element {@code c} counts class {@code c}. Empty for an
     * unlabelled set.
     */
    public int[] labelCounts() {
        int[] counts = new int[labels == null ? 0 : classNames.size()];
        if (labels != null) {
            for (int label : labels) {
                counts[label]++;
            }
        }
        return counts;
    }

    /** The named attributes of the images; {@link Attributes#none()} when the set has none. */
    public Attributes attributes() {
        return attributes;
    }

    /**
     * This set with {@code newAttributes} instead of its own; pixels and labels are shared, not copied.
     *
     * @throws IllegalArgumentException if the attributes describe a different number of images
     */
    public Dataset withAttributes(Attributes newAttributes) {
        return new Dataset(name, width, height, pixels, bytePixels, labels, classNames, newAttributes);
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
        int n = pixelCount();
        if (pixels != null) {
            System.arraycopy(pixels, i * n, target, offset, n);
        } else {
            Objects.checkFromIndexSize(offset, n, target.length);
            int start = i * n;
            for (int k = 0; k < n; k++) {
                target[offset + k] = BYTE_TO_FLOAT[bytePixels[start + k] & 0xFF];
            }
        }
    }

    /** The first {@code count} images as one row-major array, ready to hand to a model. */
    public float[] pixels(int count) {
        if (count < 0 || count > size()) {
            throw new IndexOutOfBoundsException("asked for " + count + " images of " + size());
        }
        float[] out = new float[count * pixelCount()];
        for (int i = 0; i < count; i++) {
            copyImage(i, out, i * pixelCount());
        }
        return out;
    }

    /**
     * The images at {@code indices}, in that order, as a new set called {@code newName}. The new set
     * keeps this one's storage (floats or bytes), and its labels and attributes go along.
     */
    public Dataset subset(int[] indices, String newName) {
        int n = pixelCount();
        float[] picked = pixels == null ? null : new float[indices.length * n];
        byte[] pickedBytes = bytePixels == null ? null : new byte[indices.length * n];
        int[] pickedLabels = labels == null ? null : new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            Objects.checkIndex(indices[k], size());
            if (picked != null) {
                System.arraycopy(pixels, indices[k] * n, picked, k * n, n);
            } else {
                System.arraycopy(bytePixels, indices[k] * n, pickedBytes, k * n, n);
            }
            if (pickedLabels != null) {
                pickedLabels[k] = labels[indices[k]];
            }
        }
        return new Dataset(newName, width, height, picked, pickedBytes, pickedLabels, classNames,
                attributes.subset(indices));
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
