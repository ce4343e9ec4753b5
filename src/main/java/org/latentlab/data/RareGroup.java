package org.latentlab.data;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planted bias in the synthetic faces: the faces whose {@code factor} lies below (or above) a
 * threshold make up {@code share} of the set, whatever share they would have by chance. Written
 * {@code FACTOR<T@SHARE} or {@code FACTOR>T@SHARE}, as in {@code --dataset faces:rare=brightness<0.3@0.05}.
 *
 * <p><b>The threshold is a fraction of the factor's range</b>, 0 its low end and 1 its high end,
 * the same scale for all six factors: {@code brightness<0.3} is the darkest 30 % of the brightness
 * range (skin below 0.685 of [0.55, 1]), {@code tilt>0.9} the faces tilted more than 12° clockwise.
 * Since every factor is uniform, the threshold is also the share the group would have in an
 * unbiased set; the share asks for another.
 *
 * <p><b>How a face joins.</b> A face's six factors are drawn as in the unbiased set; one more draw
 * from the same generator, seeded by (seed, index), decides whether it is in the group (with
 * probability {@code share}), and its {@code factor} is then moved into the group's part of the
 * range (or out of it) by a linear map of its draw. So each face still depends only on the seed and
 * its index, the other five factors are those of the unbiased face, and the factor stays uniform
 * within each part. The group's size is binomial: within a few √(n·share) of {@code n·share}.
 *
 * <p>Membership travels with the faces as the attribute {@value #ATTRIBUTE}: 1 for a face of the
 * group, 0 otherwise.
 *
 * @param factor    which factor defines the group
 * @param below     {@code true} for {@code factor < threshold}, {@code false} for {@code factor > threshold}
 * @param threshold where the group ends, as a fraction of the factor's range, in (0, 1)
 * @param share     the group's share of the faces, in (0, 1)
 */
public record RareGroup(FaceFactor factor, boolean below, double threshold, double share) {

    /** The attribute that marks the group's faces: 1 in the group, 0 outside it. */
    public static final String ATTRIBUTE = "rare";

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z]+)\\s*([<>])\\s*([^@\\s]*)\\s*@\\s*(\\S*)\\s*");
    private static final String EXPECTED = "expected FACTOR<T@SHARE or FACTOR>T@SHARE, e.g. brightness<0.3@0.05:"
            + " FACTOR one of smile, eyes, width, tilt, hair, brightness; T the threshold as a fraction of the"
            + " factor's range (0 its low end, 1 its high end); SHARE the group's share of the faces";

    public RareGroup {
        if (factor == null) {
            throw new IllegalArgumentException("a rare group needs a factor");
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the threshold %s is outside (0, 1): it is a"
                    + " fraction of %s's range [%s, %s], 0 its low end and 1 its high end", threshold,
                    factor.attributeName(), number(factor.min()), number(factor.max())));
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException("the share " + share + " is outside (0, 1): it is the group's share of"
                    + " the faces, e.g. 0.05 for 5 %");
        }
    }

    /**
     * Reads {@code FACTOR<T@SHARE} or {@code FACTOR>T@SHARE}.
     *
     * @throws IllegalArgumentException naming the value and what was expected
     */
    public static RareGroup parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            boolean noComparison = text == null || (text.indexOf('<') < 0 && text.indexOf('>') < 0);
            throw new IllegalArgumentException("the rare group '" + text + "' is not understood: " + EXPECTED
                    + (noComparison ? ". In a shell, put the value in quotes ('faces:rare=brightness<0.3@0.05'):"
                            + " unquoted, the shell takes < and > for redirections" : ""));
        }
        FaceFactor factor = null;
        for (FaceFactor candidate : FaceFactor.values()) {
            if (candidate.attributeName().equalsIgnoreCase(m.group(1))) {
                factor = candidate;
            }
        }
        if (factor == null) {
            throw new IllegalArgumentException("the rare group '" + text + "' names the factor '" + m.group(1)
                    + "', which the faces do not have: " + EXPECTED);
        }
        double threshold = number(m.group(3), "threshold", text);
        double share = number(m.group(4), "share", text);
        try {
            return new RareGroup(factor, m.group(2).equals("<"), threshold, share);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("in the rare group '" + text + "', " + e.getMessage());
        }
    }

    private static double number(String text, String what, String whole) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the message below names the value
        }
        throw new IllegalArgumentException("in the rare group '" + whole + "', the " + what + " '" + text
                + "' is not a number: " + EXPECTED);
    }

    /** How it is written: {@code brightness<0.3@0.05}. */
    public String spec() {
        return factor.attributeName() + (below ? "<" : ">") + number(threshold) + "@" + number(share);
    }

    /** The threshold in the factor's own units: 0.685 for brightness&lt;0.3. */
    public double thresholdValue() {
        return factor.at(threshold);
    }

    /**
     * What the group is, for the user: "5 % of the faces have brightness below 0.685 (the lowest 30 %
     * of its range [0.55, 1])".
     */
    public String describe() {
        double part = below ? threshold : 1 - threshold;
        return String.format(Locale.ROOT, "%s %% of the faces have %s %s %s (the %s %s %% of its range [%s, %s])",
                number(100 * share), factor.attributeName(), below ? "below" : "above", number(thresholdValue()),
                below ? "lowest" : "highest", number(100 * part), number(factor.min()), number(factor.max()));
    }

    /**
     * Where a face's draw {@code u} ∈ [0, 1) of this factor goes, given whether the face is in the
     * group: into [0, T) or [T, 1) for {@code <}, into (T, 1] or (0, T] for {@code >}.
     */
    double place(double u, boolean member) {
        if (below) {
            return member ? threshold * u : threshold + (1 - threshold) * u;
        }
        return member ? 1 - (1 - threshold) * u : threshold * (1 - u);
    }

    /**
     * Which images are in the group, from the {@value #ATTRIBUTE} attribute; {@code null} if the
     * attributes have none (a set without a rare group).
     */
    public static boolean[] members(Attributes attributes) {
        if (!attributes.has(ATTRIBUTE)) {
            return null;
        }
        double[] column = attributes.column(ATTRIBUTE);
        boolean[] members = new boolean[column.length];
        for (int i = 0; i < column.length; i++) {
            members[i] = column[i] > 0.5;
        }
        return members;
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.6g", value);
        if (text.contains("e") || !text.contains(".")) {
            return text;
        }
        text = text.replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
