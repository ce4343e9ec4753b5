package org.latentlab.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.latentlab.data.Attributes;
import org.latentlab.data.Dataset;
import org.latentlab.data.ImageMeasures;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.Balance;
import org.latentlab.latent.Contrast;
import org.latentlab.latent.LatentPoints;
import org.latentlab.latent.LatentRegion;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.render.FigureLabels;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.ImageGrid;
import org.latentlab.render.ImageGridData;
import org.latentlab.render.SamplingLattice;

/**
 * {@code render --figure attribute}: held-out images moved along an attribute vector and decoded,
 * one image per row, from −2 to +2 times the vector across. The attribute is one the images carry
 * (the faces' smile), one measured from their pixels ({@link ImageMeasures}: ink, slant, …), or a
 * class contrast written {@code FROM->TO} ("3->8").
 */
final class AttributeFigure {

    static final double[] AMOUNTS = {-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2};
    static final int ROWS = 8;

    private AttributeFigure() {
    }

    /**
     * @param balanceOnLabels balance the groups on the class labels (White 2016), so that the vector
     *                        changes less of the class; ignored for a class contrast or unlabelled images
     */
    static BufferedImage draw(RunFolder folder, String attribute, boolean balanceOnLabels, String subject) {
        Dataset held = folder.validation();
        LatentModel model = folder.model();
        if (attribute.contains("->") && model.config().conditional()) {
            throw new LatentLabCommand.CommandFailure("a class vector does not apply to a conditional VAE: its decoder"
                    + " reads the class beside z, so z need not hold it; draw every class of one z with --figure"
                    + " conditional");
        }
        int[] labels = held.labels(held.size());
        Encoding codes = model.encode(held.pixels(held.size()), labels, held.size());
        LatentPoints latents = new LatentPoints(codes.means(), codes.count(), codes.latentSize());
        Attributes attributes = held.attributes().and(ImageMeasures.of(held));
        Rows rows = attribute.contains("->")
                ? classRows(held, attribute)
                : attributeRows(attributes, attribute);
        Balance balance = balanceOnLabels && held.hasLabels() && !attribute.contains("->")
                ? Balance.on(List.of(IntStream.range(0, held.size()).mapToDouble(held::label).toArray()))
                : null;
        long seed = folder.run().trainingConfig().seed();
        AttributeVector vector = AttributeVector.compute(latents, rows.contrast(), balance, seed);
        String how = balance == null ? "" : String.format(Locale.ROOT,
                ", balanced on the labels (%.0f %% of the images kept; cosine %.3f to the plain vector)",
                100 * vector.keptShare(), vector.cosine(AttributeVector.compute(latents, rows.contrast(), seed)));

        int d = latents.dimension();
        float[] moved = new float[rows.images().length * AMOUNTS.length * d];
        int[] movedLabels = new int[rows.images().length * AMOUNTS.length]; // each image keeps its class
        LatentRegion region = LatentRegion.around(latents);
        int outside = 0;
        for (int r = 0; r < rows.images().length; r++) {
            float[] z = latents.point(rows.images()[r]);
            for (int c = 0; c < AMOUNTS.length; c++) {
                float[] point = vector.moved(z, AMOUNTS[c]);
                outside += region.check(point).outside() ? 1 : 0;
                System.arraycopy(point, 0, moved, (r * AMOUNTS.length + c) * d, d);
                movedLabels[r * AMOUNTS.length + c] = labels[rows.images()[r]];
            }
        }
        float[] images = model.decode(moved, movedLabels, rows.images().length * AMOUNTS.length);
        String note = String.format(Locale.ROOT, "v = %s%s · held-out AUC of z·v %.3f · %d of %d moved points outside the data",
                rows.meaning(), how, vector.heldOutAuc(), outside,
                images.length / held.pixelCount());
        return new ImageGrid().draw(ImageGridData.manifold(
                new GrayscaleImages(images, held.width(), held.height()),
                new SamplingLattice(AMOUNTS, rows.values()),
                FigureLabels.titled("Held-out images moved along the " + vector.name() + " vector of a " + subject)
                        .withAxes("z + a·v, a =", rows.axis()).withNote(note)));
    }

    /**
     * The images of a figure's rows, their numbers in the held-out set (rows are drawn by decreasing
     * number), what the rows axis says, the contrast the vector comes from and how it was made.
     */
    private record Rows(int[] images, double[] values, String axis, Contrast contrast, String meaning) {
    }

    /** The {@value #ROWS} images nearest the attribute's median: they have "none" of it to start with. */
    private static Rows attributeRows(Attributes attributes, String name) {
        if (!attributes.has(name)) {
            throw new LatentLabCommand.CommandFailure("no attribute \"" + name + "\" for these images; they have "
                    + String.join(", ", attributes.names()) + ", or give two classes as FROM->TO");
        }
        double[] values = attributes.column(name);
        double median = IntStream.range(0, values.length).mapToDouble(i -> values[i]).sorted()
                .skip(values.length / 2).findFirst().orElseThrow();
        int[] nearest = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> Math.abs(values[i] - median)))
                .limit(ROWS).mapToInt(Integer::intValue).toArray();
        return new Rows(nearest, numbers(nearest), "held-out image, " + name + " ≈ "
                + String.format(Locale.ROOT, "%.2f", median).replace('-', '−'),
                Contrast.thirds(name, values), "top third by " + name + " − bottom third");
    }

    /** Each image's number in the held-out set, which labels its row. */
    private static double[] numbers(int[] images) {
        return IntStream.of(images).asDoubleStream().toArray();
    }

    /** The first {@value #ROWS} held-out images of class FROM, for the vector FROM → TO. */
    private static Rows classRows(Dataset held, String spec) {
        String[] ends = spec.split("->", -1);
        List<String> names = held.classNames();
        int from = names.indexOf(ends[0].strip());
        int to = ends.length == 2 ? names.indexOf(ends[1].strip()) : -1;
        if (ends.length != 2 || from < 0 || to < 0 || from == to) {
            throw new LatentLabCommand.CommandFailure("\"" + spec + "\" is not two different classes FROM->TO of "
                    + names);
        }
        int[] labels = new int[held.size()];
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = held.label(i);
            if (labels[i] == from && rows.size() < ROWS) {
                rows.add(i);
            }
        }
        int[] images = rows.stream().mapToInt(Integer::intValue).toArray();
        return new Rows(images, numbers(images), "held-out " + names.get(from),
                Contrast.betweenClasses(labels, from, to, names), "mean of the " + names.get(to) + "s − mean of the "
                        + names.get(from) + "s");
    }
}
