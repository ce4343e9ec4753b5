package org.latentlab.ui.attributes;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.latentlab.latent.Interpolation;
import org.latentlab.latent.LatentPoints;
import org.latentlab.latent.LatentRegion;
import org.latentlab.latent.PriorLengths;
import org.latentlab.model.DecoderWeights;
import org.latentlab.training.DecodeService;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.scatter.ScatterOverlay;

/**
 * Interpolation between two held-out images A and B: their codes joined by a straight line and by
 * a spherical path ({@link Interpolation}), each decoded at evenly spaced steps into a strip, both
 * paths drawn on the latent scatter, and a note on how the two differ (how close each comes to the
 * prior's centre, how many of its points leave the data). Both strips are decoded in one request to
 * the decode service, latest request wins, and taken up once per frame.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class InterpolationViewModel {

    public static final int MIN_STEPS = 3;
    public static final int MAX_STEPS = 15;
    public static final int DEFAULT_STEPS = 9;

    private final DecodeRequests decodes;
    private final ReadOnlyObjectProperty<LatentRegion> region;
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", DEFAULT_STEPS);
    private final ReadOnlyObjectWrapper<ImageStrip> imageA = new ReadOnlyObjectWrapper<>(this, "imageA");
    private final ReadOnlyObjectWrapper<ImageStrip> imageB = new ReadOnlyObjectWrapper<>(this, "imageB");
    private final ReadOnlyObjectWrapper<ImageStrip> linear = new ReadOnlyObjectWrapper<>(this, "linear");
    private final ReadOnlyObjectWrapper<ImageStrip> spherical = new ReadOnlyObjectWrapper<>(this, "spherical");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<ScatterOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", ScatterOverlay.NONE);

    private ProbeSet probe;
    private DecoderWeights decoder;
    private int a = -1;
    private int b = -1;
    private int requestedSteps;

    /**
     * @param channel where the two strips are decoded
     * @param region  where the data's codes lie, to count the path points outside it; may hold {@code null}
     */
    public InterpolationViewModel(DecodeService.Channel channel, ReadOnlyObjectProperty<LatentRegion> region) {
        this.decodes = new DecodeRequests(channel);
        this.region = region;
        steps.addListener(o -> refresh());
        region.addListener(o -> refresh());
    }

    /** Takes a new snapshot: the endpoints' new codes and new strips. */
    public void update(TrainingSnapshot snapshot) {
        if (probe == null || probe.pixels() != snapshot.probe().pixels()) {
            a = -1;
            b = -1;
        }
        probe = snapshot.probe();
        decoder = snapshot.decoder();
        refresh();
    }

    /** Makes held-out image {@code index} the start A (−1: none). */
    public void setA(int index) {
        a = index;
        refresh();
    }

    /** Makes held-out image {@code index} the end B (−1: none). */
    public void setB(int index) {
        b = index;
        refresh();
    }

    /** Takes up the newest decoded strips; called once per frame. */
    public void pulse() {
        DecodeService.DecodeResult result = decodes.takeNew();
        if (result == null) {
            return;
        }
        int n = result.request().count() / 2;
        int pixels = result.imageWidth() * result.imageHeight();
        float[] straight = new float[n * pixels];
        float[] round = new float[n * pixels];
        System.arraycopy(result.images(), 0, straight, 0, n * pixels);
        System.arraycopy(result.images(), n * pixels, round, 0, n * pixels);
        linear.set(new ImageStrip(straight, n, result.imageWidth(), result.imageHeight()));
        spherical.set(new ImageStrip(round, n, result.imageWidth(), result.imageHeight()));
    }

    private boolean valid(int index) {
        return probe != null && index >= 0 && index < probe.size();
    }

    private void refresh() {
        imageA.set(valid(a) ? strip(a) : null);
        imageB.set(valid(b) ? strip(b) : null);
        if (!valid(a) || !valid(b)) {
            linear.set(null);
            spherical.set(null);
            overlay.set(ScatterOverlay.NONE);
            decodes.forgetEarlier();
            note.set("Click a point in the latent space and press Set as A, then another and Set as B.");
            return;
        }
        int d = probe.encoding().latentSize();
        int n = Math.max(MIN_STEPS, Math.min(MAX_STEPS, steps.get()));
        float[] za = code(a, d);
        float[] zb = code(b, d);
        LatentPoints straight = Interpolation.path(Interpolation.Kind.LINEAR, za, zb, n);
        LatentPoints round = Interpolation.path(Interpolation.Kind.SPHERICAL, za, zb, n);
        if (n != requestedSteps) {
            decodes.forgetEarlier(); // strips of another length no longer fit
            requestedSteps = n;
        }
        float[] both = new float[2 * n * d];
        System.arraycopy(straight.values(), 0, both, 0, n * d);
        System.arraycopy(round.values(), 0, both, n * d, n * d);
        if (decoder != null && decoder.latentSize() == d) {
            decodes.request(decoder, both, 2 * n);
        }
        overlay.set(new ScatterOverlay(List.of(new ScatterOverlay.Path(straight, ScatterOverlay.Style.LINEAR),
                new ScatterOverlay.Path(round, ScatterOverlay.Style.SPHERICAL)), null));
        note.set(compare(straight, round, region.get(), probe.encoding().hasPosterior()));
    }

    private ImageStrip strip(int index) {
        return new ImageStrip(probe.image(index), 1, probe.imageWidth(), probe.imageHeight());
    }

    private float[] code(int index, int d) {
        float[] z = new float[d];
        System.arraycopy(probe.encoding().means(), index * d, z, 0, d);
        return z;
    }

    /**
     * What differs between the two paths, in words: how close to the prior's centre each comes,
     * how many of its points lie outside the data, and why that matters.
     */
    static String compare(LatentPoints straight, LatentPoints round, LatentRegion region, boolean hasPrior) {
        int n = straight.count();
        int d = straight.dimension();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "|z_A| = %.2f, |z_B| = %.2f. Straight line: nearest the centre at |z| = %.2f%s. Spherical path: "
                        + "|z| never below %.2f%s.", length(straight.point(0)), length(straight.point(n - 1)),
                nearest(straight), outside(straight, region, hasPrior), nearest(round), outside(round, region, hasPrior)));
        double apart = 0;
        for (int k = 0; k < n; k++) {
            apart = Math.max(apart, Math.sqrt(squaredDistance(straight.point(k), round.point(k))));
        }
        double span = Math.sqrt(squaredDistance(straight.point(0), straight.point(n - 1)));
        if (apart < 0.1 * span) {
            text.append(" The two nearly coincide: A and B point in similar directions from the centre.");
        } else if (hasPrior) {
            text.append(' ').append(priorLengths(d, nearest(straight)));
        }
        return text.toString();
    }

    /**
     * What lengths the prior's codes have in this many dimensions, and whether the straight line
     * leaves them: in 2-D they fill the disc around the centre (most often |z| ≈ 1); in many
     * dimensions they crowd into a thin shell around √d and leave a hole at the centre.
     */
    static String priorLengths(int d, double straightNearest) {
        PriorLengths lengths = new PriorLengths(d);
        double low = lengths.quantile(0.05);
        double high = lengths.quantile(0.95);
        String where = low > lengths.rootMeanSquare() / 2
                ? String.format(Locale.ROOT, "a shell around √%d = %.1f with a hole at the centre", d, lengths.rootMeanSquare())
                : String.format(Locale.ROOT, "the space around the centre, most often at |z| ≈ %.1f (mean %.2f)",
                        lengths.mode(), lengths.mean());
        String text = String.format(Locale.ROOT, "In %d-D, 90 %% of the prior's codes have |z| between %.2f and %.2f: "
                + "they fill %s.", d, low, high, where);
        double within = lengths.shareWithin(straightNearest);
        return within < 0.05
                ? text + String.format(Locale.ROOT, " The straight line comes nearer the centre than %s of them; the "
                        + "spherical path keeps between the endpoints' lengths (White 2016).", percentOf(1 - within))
                : text + " Both paths keep to lengths the prior's codes have.";
    }

    private static String percentOf(double share) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * Math.min(share, 0.9999));
    }

    private static String outside(LatentPoints path, LatentRegion region, boolean hasPrior) {
        if (region == null || region.dimension() != path.dimension()) {
            return "";
        }
        int count = 0;
        for (int k = 0; k < path.count(); k++) {
            LatentRegion.RegionCheck check = region.check(path.point(k));
            count += check.farFromData() || hasPrior && check.unlikelyUnderPrior() ? 1 : 0;
        }
        return String.format(Locale.ROOT, ", %d of %d points outside the data", count, path.count());
    }

    private static double nearest(LatentPoints path) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < path.count(); k++) {
            nearest = Math.min(nearest, length(path.point(k)));
        }
        return nearest;
    }

    private static double length(float[] z) {
        return Math.sqrt(squaredDistance(z, new float[z.length]));
    }

    private static double squaredDistance(float[] p, float[] q) {
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            double diff = p[j] - q[j];
            sum += diff * diff;
        }
        return sum;
    }

    // ---- properties -----------------------------------------------------------------------------

    /** Images per strip, A and B included; clamped to {@value #MIN_STEPS}…{@value #MAX_STEPS}. */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** Held-out image A; {@code null} until set. */
    public ReadOnlyObjectProperty<ImageStrip> imageAProperty() {
        return imageA.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImageStrip> imageBProperty() {
        return imageB.getReadOnlyProperty();
    }

    /** Decoded along the straight line from A's code to B's. */
    public ReadOnlyObjectProperty<ImageStrip> linearProperty() {
        return linear.getReadOnlyProperty();
    }

    /** Decoded along the spherical path from A's code to B's. */
    public ReadOnlyObjectProperty<ImageStrip> sphericalProperty() {
        return spherical.getReadOnlyProperty();
    }

    /** What differs between the two paths, or what to do to get them. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** The two paths, to draw on the latent scatter. */
    public ReadOnlyObjectProperty<ScatterOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }
}
