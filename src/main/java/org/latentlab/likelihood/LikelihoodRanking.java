package org.latentlab.likelihood;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;

/**
 * −log p(x) as a score for every image of a set, and the set ranked by it: what
 * {@code render --figure outliers} and the window's Outliers tab both show. Stateless.
 *
 * <p>The images are scored in chunks of {@value #CHUNK}, so that a caller can show progress and
 * stop between chunks; image i of the set still draws its samples from {@code seed + i}, and a
 * chunk starts on a multiple of {@link LikelihoodEvaluation}'s blocks, so the numbers are those of
 * one {@link LikelihoodEvaluation#run} over the whole set.
 */
public final class LikelihoodRanking {

    /** How many of the most and of the least likely images the figure and the tab show. */
    public static final int SHOWN = 16;
    /** The most images of other data scored beside the held-out ones, spread through it ({@link #spread}). */
    public static final int MAX_OTHER = 1000;
    /** Images scored between two progress reports: a multiple of the evaluation's block of 16. */
    static final int CHUNK = 128;

    private LikelihoodRanking() {
    }

    /**
     * −log p(x) of each image, nats per image: by quadrature if {@code settings} has a rule (2-D
     * latent spaces), else by importance sampling with {@code settings.samples()} samples (IWAE).
     *
     * @param images   the set's pixels, one image after another
     * @param labels   each image's class for a conditional decoder, else {@code null}
     * @param encoding their posteriors q(z|x), in the same order
     * @param progress told how many images are done after each chunk
     * @throws java.util.concurrent.CancellationException when {@code cancelled} answered true before the end
     */
    public static double[] negativeLogMarginals(DecoderWeights weights, float[] images, int[] labels, Encoding encoding,
            EvaluationSettings settings, IntConsumer progress, BooleanSupplier cancelled) {
        int count = encoding.count();
        int pixels = weights.outputSize();
        int d = encoding.latentSize();
        double[] values = new double[count];
        for (int from = 0; from < count; from += CHUNK) {
            LikelihoodEvaluation.checkCancelled(cancelled);
            int to = Math.min(count, from + CHUNK);
            Encoding chunk = new Encoding(Arrays.copyOfRange(encoding.means(), from * d, to * d),
                    Arrays.copyOfRange(encoding.logVariances(), from * d, to * d), to - from, d);
            EvaluationSettings shifted = new EvaluationSettings(settings.samples(), settings.seed() + from,
                    settings.quadrature(), settings.threads());
            LikelihoodReport report = LikelihoodEvaluation.run(weights,
                    Arrays.copyOfRange(images, from * pixels, to * pixels),
                    labels == null ? null : Arrays.copyOfRange(labels, from, to), chunk, shifted, cancelled);
            for (int i = from; i < to; i++) {
                values[i] = report.negativeLogMarginal(i - from);
            }
            progress.accept(to);
        }
        return values;
    }

    /** The indices of the {@code count} lowest values (the most likely images), lowest first; ties in index order. */
    public static int[] lowest(double[] values, int count) {
        Integer[] order = ascending(values);
        return IntStream.range(0, Math.min(count, values.length)).map(i -> order[i]).toArray();
    }

    /**
     * The indices of the {@code count} highest values (the least likely images), highest first: the
     * ascending order read from its end, so ties come in reverse index order.
     */
    public static int[] highest(double[] values, int count) {
        Integer[] order = ascending(values);
        return IntStream.range(0, Math.min(count, values.length)).map(i -> order[values.length - 1 - i]).toArray();
    }

    private static Integer[] ascending(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        return order;
    }

    /**
     * At most {@code count} indices of a set of {@code size}, spread evenly through it (sets are often
     * stored class by class): index ⌊i · size / count⌋ for i = 0 … count − 1, or all of them.
     */
    public static int[] spread(int size, int count) {
        if (size <= count) {
            return IntStream.range(0, size).toArray();
        }
        return IntStream.range(0, count).map(i -> (int) ((long) i * size / count)).toArray();
    }
}
