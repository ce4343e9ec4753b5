package org.latentlab.render;

import java.util.List;
import java.util.Objects;

/**
 * Points in a plane to draw as a {@link Scatter}, such as the latent means of a probe set, each
 * optionally with a class label.
 *
 * <p>The arrays are not copied: do not change them while a figure is drawn from them. Being a
 * record over arrays, two instances are equal only when they share the arrays.
 *
 * @param xs         the horizontal coordinate of each point (z₁)
 * @param ys         the vertical coordinate of each point (z₂)
 * @param labels     the class of each point, in {@code [0, classNames.size())}, or {@code null}
 *                   when the points have no classes
 * @param classNames the name of each class, shown in the legend (empty when there are no labels)
 */
public record ScatterData(float[] xs, float[] ys, int[] labels, List<String> classNames) {

    public ScatterData {
        Objects.requireNonNull(xs, "xs");
        Objects.requireNonNull(ys, "ys");
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x coordinates but " + ys.length + " y coordinates");
        }
        if (labels != null) {
            if (labels.length != xs.length) {
                throw new IllegalArgumentException(xs.length + " points but " + labels.length + " labels");
            }
            for (int label : labels) {
                if (label < 0 || label >= classNames.size()) {
                    throw new IllegalArgumentException("label " + label + " has no name among the "
                            + classNames.size() + " class names");
                }
            }
        }
    }

    /** Points without classes, all drawn in one colour. */
    public static ScatterData unlabelled(float[] xs, float[] ys) {
        return new ScatterData(xs, ys, null, List.of());
    }

    /** How many points there are. */
    public int size() {
        return xs.length;
    }
}
