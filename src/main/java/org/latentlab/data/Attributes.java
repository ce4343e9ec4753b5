package org.latentlab.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Named continuous values, one per image of a {@link Dataset}: the known factors of a synthetic set
 * (the smile of each face) or quantities measured from the pixels (ink, slant). Immutable and safe to
 * share between threads.
 *
 * <p>Values are stored column by column: {@link #column(String)} holds one attribute for every image,
 * in the order of the images. An empty set of attributes ({@link #none()}) fits a dataset of any size.
 */
public final class Attributes {

    private static final Attributes NONE = new Attributes(List.of(), new double[0][], 0);

    private final List<String> names;
    /** {@code columns[a][i]}: attribute {@code a} of image {@code i}. Never handed out. */
    private final double[][] columns;
    private final int size;

    private Attributes(List<String> names, double[][] columns, int size) {
        this.names = names;
        this.columns = columns;
        this.size = size;
    }

    /** No attributes at all. */
    public static Attributes none() {
        return NONE;
    }

    /**
     * Attributes with the given names and values; the arrays are copied.
     *
     * @param names   distinct, non-blank names
     * @param columns one array per name, all of the same length (the number of images)
     * @throws IllegalArgumentException if the names repeat or are blank, or the columns differ in
     *                                  number or length
     */
    public static Attributes of(List<String> names, List<double[]> columns) {
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " attribute names but " + columns.size() + " columns");
        }
        if (names.isEmpty()) {
            return NONE;
        }
        int size = columns.get(0).length;
        double[][] copied = new double[columns.size()][];
        for (int a = 0; a < copied.length; a++) {
            String name = Objects.requireNonNull(names.get(a), "attribute name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("attribute " + a + " has a blank name");
            }
            if (names.indexOf(name) != a) {
                throw new IllegalArgumentException("the attribute name \"" + name + "\" appears twice");
            }
            if (columns.get(a).length != size) {
                throw new IllegalArgumentException("attribute \"" + name + "\" has " + columns.get(a).length
                        + " values but \"" + names.get(0) + "\" has " + size);
            }
            copied[a] = columns.get(a).clone();
        }
        return new Attributes(List.copyOf(names), copied, size);
    }

    /** The attribute names, in order. */
    public List<String> names() {
        return names;
    }

    /** How many attributes there are. */
    public int count() {
        return names.size();
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    /** How many images the values describe (0 when there are no attributes). */
    public int size() {
        return size;
    }

    public boolean has(String name) {
        return names.contains(name);
    }

    /** A copy of one attribute's values for every image. */
    public double[] column(String name) {
        return columns[indexOf(name)].clone();
    }

    /** Attribute {@code name} of image {@code image}. */
    public double value(String name, int image) {
        Objects.checkIndex(image, size);
        return columns[indexOf(name)][image];
    }

    private int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no attribute \"" + name + "\"; there are " + names);
        }
        return index;
    }

    /** The values of the images at {@code indices}, in that order. */
    public Attributes subset(int[] indices) {
        if (isEmpty()) {
            return this;
        }
        double[][] picked = new double[columns.length][indices.length];
        for (int k = 0; k < indices.length; k++) {
            Objects.checkIndex(indices[k], size);
            for (int a = 0; a < columns.length; a++) {
                picked[a][k] = columns[a][indices[k]];
            }
        }
        return new Attributes(names, picked, indices.length);
    }

    /** These attributes without {@code name} (the same, if there is none of that name). */
    public Attributes without(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            return this;
        }
        List<String> keptNames = new ArrayList<>(names);
        keptNames.remove(index);
        List<double[]> keptColumns = new ArrayList<>(Arrays.asList(columns));
        keptColumns.remove(index);
        return keptNames.isEmpty() ? NONE : new Attributes(List.copyOf(keptNames), keptColumns.toArray(double[][]::new),
                size);
    }

    /**
     * These attributes followed by {@code more}'s, for the same images.
     *
     * @throws IllegalArgumentException if a name appears in both or the sizes differ
     */
    public Attributes and(Attributes more) {
        if (more.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return more;
        }
        List<String> allNames = new ArrayList<>(names);
        allNames.addAll(more.names);
        List<double[]> allColumns = new ArrayList<>(Arrays.asList(columns));
        allColumns.addAll(Arrays.asList(more.columns));
        if (more.size != size) {
            throw new IllegalArgumentException("cannot join attributes of " + size + " and " + more.size + " images");
        }
        return of(allNames, allColumns);
    }

    @Override
    public String toString() {
        return isEmpty() ? "no attributes" : names + " of " + size + " images";
    }
}
