package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.data.Attributes;
import org.latentlab.data.FaceFactor;
import org.latentlab.data.ImageMeasures;
import org.latentlab.data.RareGroup;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.Balance;
import org.latentlab.latent.Contrast;
import org.latentlab.latent.LatentPoints;
import org.latentlab.latent.LatentRegion;

/**
 * The attribute vectors of one probe set and the region its codes fill: which vectors the
 * Attributes panel offers and how each is made, chosen here so the window only shows them. Computed
 * together, off the JavaFX thread (a region of 10,000 codes takes 140–190 ms to build,
 * docs/decisions/0031). Immutable.
 *
 * <p>The vectors: one between two classes ("3 → 8"), then one per attribute, top third against
 * bottom third. The attributes are the images' known ones (the faces' factors) or, for images that
 * have none, those measured from their pixels ({@link ImageMeasures}: ink, thickness, slant, ink
 * width and height). A planted rare group's membership ({@link RareGroup#ATTRIBUTE}) is not an attribute
 * here: it has no thirds to contrast, and it is a cut of a factor that is already one. Balanced
 * vectors (White 2016) are balanced on:
 * <ul>
 *   <li>a known attribute: the other known attributes, two bins each;</li>
 *   <li>a measured attribute: the class labels, so "thickness" does not also turn 1s into 0s;</li>
 *   <li>the class vector: the other known attributes (two bins each), or ink and slant (four bins
 *       each), so "3 → 8" changes the shape and less of how the digit is written.</li>
 * </ul>
 *
 * @param probe    the probe set the vectors and region come from
 * @param latents  its posterior means
 * @param region   where the codes lie, to warn when a moved point leaves it
 * @param vectors  one per slider, the class vector first
 * @param settings what was asked for
 */
public record LatentAnalysis(ProbeSet probe, LatentPoints latents, LatentRegion region, List<SliderVector> vectors,
                      Settings settings) {

    /** The key of the class-to-class vector among {@link SliderVector#key()}s. */
    public static final String CLASS_KEY = "class";
    /** Chooses the held-out examples of every vector; fixed, so the AUC moves only with the model. */
    static final long HELD_OUT_SEED = 2016;
    private static final int KNOWN_BINS = 2;

    private static final Map<String, String> MEASURE_MEANINGS = Map.of(
            ImageMeasures.INK, "how much ink: the mean intensity of the pixels",
            ImageMeasures.THICKNESS, "how thick the strokes are, in pixels",
            ImageMeasures.SLANT, "how far the strokes lean to the right, like italics",
            ImageMeasures.INK_WIDTH, "how wide the ink is, from its spread",
            ImageMeasures.INK_HEIGHT, "how tall the ink is, from its spread");

    public LatentAnalysis {
        vectors = List.copyOf(vectors);
    }

    /**
     * What to compute.
     *
     * @param balanced  balance each vector's groups on other attributes
     * @param fromClass the class the class vector starts from
     * @param toClass   the class it points to
     */
    public record Settings(boolean balanced, int fromClass, int toClass) {
    }

    /**
     * One slider's vector, or why there is none.
     *
     * @param key     stays the same for a slider while the model trains: {@value #CLASS_KEY} or the attribute's name
     * @param name    what the slider is called: "3 → 8", "ink"
     * @param meaning how the vector was made, in words, for a tooltip
     * @param vector  the vector (balanced, if asked), or {@code null} when it could not be made
     * @param plain   the plain vector, to compare a balanced one with; the same as {@code vector} when not balanced
     * @param problem why there is no vector; {@code null} when there is one
     */
    public record SliderVector(String key, String name, String meaning, String groups, AttributeVector vector,
                        AttributeVector plain, String problem) {

        SliderVector with(AttributeVector made, AttributeVector plainVector, String newMeaning) {
            return new SliderVector(key, name, newMeaning, groups, made, plainVector, null);
        }

        SliderVector without(String why) {
            return new SliderVector(key, name, meaning, groups, null, null, why);
        }

        /** The cosine between the balanced and the plain vector, or NaN when not balanced. */
        public double cosineToPlain() {
            return vector == null || plain == null || vector == plain ? Double.NaN : vector.cosine(plain);
        }
    }

    /** The vector for slider {@code key}, or {@code null}. */
    public SliderVector vector(String key) {
        for (SliderVector v : vectors) {
            if (v.key().equals(key)) {
                return v;
            }
        }
        return null;
    }

    /**
     * Computes the vectors and the region of {@code probe}.
     *
     * @param measured the attributes measured from the probe's pixels; used when it has no known ones
     */
    public static LatentAnalysis compute(ProbeSet probe, Attributes measured, Settings settings) {
        int n = probe.size();
        int d = probe.encoding().latentSize();
        LatentPoints latents = new LatentPoints(probe.encoding().means(), n, d);
        boolean known = !probe.attributes().isEmpty();
        Attributes attributes = known ? probe.attributes().without(RareGroup.ATTRIBUTE) : measured;
        List<SliderVector> vectors = new ArrayList<>();
        if (hasTwoClasses(probe)) {
            vectors.add(classVector(probe, latents, attributes, known, settings));
        }
        for (String name : attributes.names()) {
            vectors.add(attributeVector(probe, latents, attributes, name, known, settings.balanced()));
        }
        LatentRegion region = n >= 2 ? LatentRegion.around(latents) : null;
        return new LatentAnalysis(probe, latents, region, vectors, settings);
    }

    /** The attributes measured from each probe image's pixels, named as {@link ImageMeasures#NAMES}. */
    public static Attributes measure(ProbeSet probe) {
        int n = probe.size();
        double[][] columns = new double[ImageMeasures.NAMES.size()][n];
        for (int i = 0; i < n; i++) {
            double[] measures = ImageMeasures.measure(probe.image(i), probe.imageWidth(), probe.imageHeight());
            for (int a = 0; a < columns.length; a++) {
                columns[a][i] = measures[a];
            }
        }
        return Attributes.of(ImageMeasures.NAMES, List.of(columns));
    }

    static boolean hasTwoClasses(ProbeSet probe) {
        return probe.classNames().size() >= 2;
    }

    private static SliderVector classVector(ProbeSet probe, LatentPoints latents, Attributes attributes, boolean known,
                                            Settings settings) {
        List<String> names = probe.classNames();
        String from = names.get(Math.floorMod(settings.fromClass(), names.size()));
        String to = names.get(Math.floorMod(settings.toClass(), names.size()));
        String name = from + " → " + to;
        String meaning = "the mean code of the " + plural(to) + " minus that of the " + plural(from)
                + ": adds " + to + "-ness and takes away " + from + "-ness";
        String groups = "a held-out " + one(to) + " lies further along the vector than a held-out " + one(from);
        if (settings.fromClass() == settings.toClass()) {
            return new SliderVector(CLASS_KEY, name, meaning, groups, null, null, "choose two different classes");
        }
        Contrast contrast = Contrast.betweenClasses(probe.labels(), settings.fromClass(), settings.toClass(), names);
        Balance balance = null;
        String balancedOn = null;
        if (settings.balanced() && !attributes.isEmpty()) {
            List<String> covariates = known
                    ? attributes.names().stream().filter(a -> overlap(attributes.column(a), contrast)).toList()
                    : List.of(ImageMeasures.INK, ImageMeasures.SLANT);
            if (!covariates.isEmpty()) {
                balance = new Balance(columns(attributes, covariates), known ? KNOWN_BINS : Balance.DEFAULT_BINS);
                balancedOn = String.join(", ", covariates);
            }
        }
        return made(new SliderVector(CLASS_KEY, name, meaning, groups, null, null, null), latents, contrast, balance,
                balancedOn);
    }

    private static SliderVector attributeVector(ProbeSet probe, LatentPoints latents, Attributes attributes, String name,
                                                boolean known, boolean balanced) {
        String meaning = "the mean code of the top third by " + name + " minus that of the bottom third; " + name
                + " is " + describe(name, known);
        Balance balance = null;
        String balancedOn = null;
        if (balanced && known && attributes.count() > 1) {
            List<String> others = attributes.names().stream().filter(other -> !other.equals(name)).toList();
            balance = new Balance(columns(attributes, others), KNOWN_BINS);
            balancedOn = String.join(", ", others);
        } else if (balanced && !known && hasTwoClasses(probe)) {
            double[] labels = new double[probe.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = probe.labels()[i];
            }
            balance = Balance.on(List.of(labels));
            balancedOn = "the class labels";
        }
        String groups = "a held-out image in the top third by " + name
                + " lies further along the vector than one in the bottom third";
        SliderVector slider = new SliderVector(name, name, meaning, groups, null, null, null);
        try {
            return made(slider, latents, Contrast.thirds(name, attributes.column(name)), balance, balancedOn);
        } catch (IllegalArgumentException e) {
            return slider.without(e.getMessage());
        }
    }

    /** {@code slider} with its vector made from {@code contrast}, balanced if {@code balance} is given. */
    private static SliderVector made(SliderVector slider, LatentPoints latents, Contrast contrast, Balance balance,
                                     String balancedOn) {
        try {
            AttributeVector plain = AttributeVector.compute(latents, contrast, HELD_OUT_SEED);
            if (balance == null) {
                return slider.with(plain, plain, slider.meaning());
            }
            AttributeVector balancedVector = AttributeVector.compute(latents, contrast, balance, HELD_OUT_SEED);
            String how = String.format(Locale.ROOT, "; balanced on %s, which kept %.0f %% of the images",
                    balancedOn, 100 * balancedVector.keptShare());
            return slider.with(balancedVector, plain, slider.meaning() + how);
        } catch (IllegalArgumentException e) {
            return slider.without(e.getMessage());
        }
    }

    /**
     * Whether the two groups' values of an attribute overlap at all; one that tells them apart
     * completely (the faces' smile, for frown → smile) defines the groups and cannot be balanced on.
     */
    private static boolean overlap(double[] values, Contrast contrast) {
        double[] positive = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] negative = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < values.length; i++) {
            double[] range = contrast.positive()[i] ? positive : contrast.negative()[i] ? negative : null;
            if (range != null) {
                range[0] = Math.min(range[0], values[i]);
                range[1] = Math.max(range[1], values[i]);
            }
        }
        return positive[0] <= negative[1] && negative[0] <= positive[1];
    }

    private static List<double[]> columns(Attributes attributes, List<String> names) {
        return names.stream().map(attributes::column).toList();
    }

    private static String describe(String name, boolean known) {
        if (known) {
            for (FaceFactor factor : FaceFactor.values()) {
                if (factor.attributeName().equals(name)) {
                    return "known for every face: " + factor.meaning();
                }
            }
            return "known for every image";
        }
        return "measured from the pixels: " + MEASURE_MEANINGS.getOrDefault(name, name);
    }

    private static String plural(String className) {
        return className.length() == 1 ? className + "s" : "“" + className + "” images";
    }

    private static String one(String className) {
        return className.length() == 1 ? className : "“" + className + "” image";
    }
}
