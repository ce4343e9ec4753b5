package org.latentlab.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Made-up but realistic inputs for the sample figures: digit-like strokes from a toy "decoder",
 * Gaussian blobs per class, and a loss history shaped like a real VAE run on MNIST.
 */
final class SyntheticData {

    static final int SIDE = 28;
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private SyntheticData() {
    }

    /** The inverse-normal-CDF lattice of Kingma and Welling's manifold: Φ⁻¹ at evenly spaced probabilities. */
    static SamplingLattice inverseCdfLattice(int n) {
        NormalDistribution normal = new NormalDistribution();
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = normal.inverseCumulativeProbability(0.05 + 0.9 * i / (n - 1));
        }
        return new SamplingLattice(values, values);
    }

    /** A 28×28 stroke that changes smoothly with z: z₁ turns a ring into a bar, z₂ slants and thickens it. */
    static float[] toyDecode(double z1, double z2, double blur) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, SIDE, SIDE);
        double roundness = 1 / (1 + Math.exp(1.6 * z1));
        double ringWidth = 2 + 10 * roundness;
        double height = 18;
        double slant = 0.3 * z2;
        double openAngle = 40 + 60 * (1 / (1 + Math.exp(-2 * z2)));
        g.setTransform(AffineTransform.getRotateInstance(slant, SIDE / 2.0, SIDE / 2.0));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (2.2 + 0.5 * (z2 + 2)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Arc2D.Double(SIDE / 2.0 - ringWidth / 2, SIDE / 2.0 - height / 2, ringWidth, height,
                90 + openAngle * (1 - roundness) / 2, 360 - openAngle * (1 - roundness), Arc2D.OPEN));
        g.dispose();
        float[] pixels = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                pixels[y * SIDE + x] = (image.getRaster().getSample(x, y, 0)) / 255f;
            }
        }
        return blur > 0 ? boxBlur(pixels, blur) : pixels;
    }

    /** Every image of a manifold on {@code lattice}, row-major by lattice row. */
    static GrayscaleImages manifold(SamplingLattice lattice) {
        double[] xs = lattice.xValues();
        double[] ys = lattice.yValues();
        float[] pixels = new float[xs.length * ys.length * SIDE * SIDE];
        for (int r = 0; r < ys.length; r++) {
            for (int c = 0; c < xs.length; c++) {
                float[] image = toyDecode(xs[c], ys[r], 0.6);
                System.arraycopy(image, 0, pixels, (r * xs.length + c) * SIDE * SIDE, image.length);
            }
        }
        return new GrayscaleImages(pixels, SIDE, SIDE);
    }

    /** {@code count} images at prior samples. */
    static GrayscaleImages priorSamples(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * SIDE * SIDE];
        for (int i = 0; i < count; i++) {
            float[] image = toyDecode(random.nextGaussian(), random.nextGaussian(), 0.6);
            System.arraycopy(image, 0, pixels, i * SIDE * SIDE, image.length);
        }
        return new GrayscaleImages(pixels, SIDE, SIDE);
    }

    /** Crisp inputs and blurred reconstructions at slightly different latent points, as a VAE gives. */
    static ReconstructionPairs reconstructions(int count, long seed) {
        Random random = new Random(seed);
        float[] inputs = new float[count * SIDE * SIDE];
        float[] outputs = new float[count * SIDE * SIDE];
        for (int i = 0; i < count; i++) {
            double z1 = random.nextGaussian();
            double z2 = random.nextGaussian();
            float[] input = toyDecode(z1, z2, 0);
            for (int p = 0; p < input.length; p++) {
                input[p] = Math.min(1f, input[p] * 1.15f);
            }
            float[] output = toyDecode(z1 + 0.15 * random.nextGaussian(), z2 + 0.15 * random.nextGaussian(), 1.4);
            System.arraycopy(input, 0, inputs, i * SIDE * SIDE, input.length);
            System.arraycopy(output, 0, outputs, i * SIDE * SIDE, output.length);
        }
        return new ReconstructionPairs(new GrayscaleImages(inputs, SIDE, SIDE), new GrayscaleImages(outputs, SIDE, SIDE));
    }

    /** {@code perClass} points per digit in a tilted Gaussian blob around a ring, listed class by class. */
    static ScatterData latentBlobs(int perClass, long seed) {
        Random random = new Random(seed);
        int n = perClass * DIGITS.size();
        float[] xs = new float[n];
        float[] ys = new float[n];
        int[] labels = new int[n];
        for (int label = 0; label < DIGITS.size(); label++) {
            double angle = 2 * Math.PI * label / DIGITS.size();
            double radius = label == 1 ? 2.3 : 1.4;
            double cx = radius * Math.cos(angle);
            double cy = radius * Math.sin(angle);
            double along = 0.55 + 0.05 * label;
            double across = 0.3;
            for (int i = 0; i < perClass; i++) {
                double a = random.nextGaussian() * along;
                double b = random.nextGaussian() * across;
                int k = label * perClass + i;
                xs[k] = (float) (cx + a * Math.cos(angle) - b * Math.sin(angle));
                ys[k] = (float) (cy + a * Math.sin(angle) + b * Math.cos(angle));
                labels[k] = label;
            }
        }
        return new ScatterData(xs, ys, labels, DIGITS);
    }

    /**
     * A run of {@code epochs} epochs of 469 minibatches: the total falls from about 540 (784 · ln 2,
     * an untrained Bernoulli decoder) through 250 to about 160 nats, KL rises to about 6, with
     * minibatch noise; validation a little above the training mean of each epoch.
     */
    static LossHistoryData vaeRun(int iterations, int perEpoch, long seed) {
        Random random = new Random(seed);
        float[] total = new float[iterations];
        float[] reconstruction = new float[iterations];
        float[] kl = new float[iterations];
        double scale = iterations / 23_450.0;
        for (int i = 0; i < iterations; i++) {
            double t = i / scale;
            double klMean = 6.5 - 4.0 * Math.exp(-t / 1500) - 2.2 * Math.exp(-t / 30);
            double recMean = 153.5 + 90 * Math.exp(-t / 2500) + 290 * Math.exp(-t / 35);
            double k = klMean * Math.exp(0.06 * random.nextGaussian());
            double r = recMean + 5.5 * random.nextGaussian();
            kl[i] = (float) k;
            reconstruction[i] = (float) r;
            total[i] = (float) (r + k);
        }
        int epochs = iterations / perEpoch;
        int[] at = new int[epochs];
        float[] validation = new float[epochs];
        for (int e = 0; e < epochs; e++) {
            int end = (e + 1) * perEpoch;
            double sum = 0;
            for (int i = end - perEpoch; i < end; i++) {
                sum += total[i];
            }
            at[e] = end;
            validation[e] = (float) (sum / perEpoch - (e < 2 ? 10 : 0) + 1.5 + 0.003 * e * e / scale + 0.4 * random.nextGaussian());
        }
        return new LossHistoryData(total, reconstruction, kl, at, validation);
    }

    private static float[] boxBlur(float[] pixels, double amount) {
        float[] out = new float[pixels.length];
        double centreWeight = 1;
        double sideWeight = amount / 2;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double sum = 0;
                double weights = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx < 0 || yy < 0 || xx >= SIDE || yy >= SIDE) {
                            continue;
                        }
                        double w = (dx == 0 && dy == 0) ? centreWeight : sideWeight / (Math.abs(dx) + Math.abs(dy));
                        sum += w * pixels[yy * SIDE + xx];
                        weights += w;
                    }
                }
                out[y * SIDE + x] = (float) (sum / weights);
            }
        }
        return out;
    }
}
