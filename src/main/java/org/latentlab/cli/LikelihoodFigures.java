package org.latentlab.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.latent.RocAuc;
import org.latentlab.likelihood.EvaluationSettings;
import org.latentlab.likelihood.IwaeCurve;
import org.latentlab.likelihood.LikelihoodEstimator;
import org.latentlab.likelihood.LikelihoodRanking;
import org.latentlab.likelihood.LikelihoodReport;
import org.latentlab.likelihood.PosteriorPicture;
import org.latentlab.likelihood.QuadratureRule;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.render.FigureLabels;
import org.latentlab.render.GrayscaleImages;
import org.latentlab.render.LikelihoodFigure;
import org.latentlab.render.OutlierFigure;
import org.latentlab.render.OutlierFigureData;
import org.latentlab.render.PosteriorPanel;

/**
 * The figures of {@code render --figure likelihood} and {@code --figure outliers}: their images
 * chosen and their numbers computed with the likelihood engine, then drawn by the render package.
 * Samples come from seed {@value #SEED} (image i of a set from {@code SEED + i}).
 */
final class LikelihoodFigures {

    static final long SEED = 1;
    /** Samples per image for the −ELBO that ranks the likelihood figure's candidates. */
    private static final int RANKING_SAMPLES = 100;
    /** Importance samples per image when there is no quadrature (a latent space above 2-D). */
    private static final int OUTLIER_SAMPLES = 1000;
    private static final int PANELS = 6;
    private static final int DISPLAY_CELLS = 100;

    private LikelihoodFigures() {
    }

    /**
     * Six held-out images spread from the smallest gap to the largest (at the 10th, 30th, 50th,
     * 70th and 90th percentiles and the largest), each with its posterior, numbers and IWAE curve.
     */
    static BufferedImage likelihood(RunFolder folder, String subject) {
        ModelConfig config = requireVae(folder);
        if (config.latentSize() != 2) {
            throw new IllegalArgumentException("the likelihood figure draws the true posterior p(z|x) on a plane, which"
                    + " needs a 2-D latent space; this run's has " + config.latentSize()
                    + " (evaluate prints -log p(x) for any size)");
        }
        Dataset held = folder.validation();
        LatentModel model = folder.model();
        LikelihoodReport report = ModelLikelihood.evaluate(model, held,
                new EvaluationSettings(RANKING_SAMPLES, SEED, QuadratureRule.STANDARD, threads()));
        float[] pixels = held.pixels(held.size());
        Encoding posteriors = config.conditional()
                ? model.encode(pixels, held.labels(held.size()), held.size()) : model.encode(pixels, held.size());
        Integer[] byGap = IntStream.range(0, held.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(byGap, Comparator.comparingDouble(report::gap));
        DecoderWeights weights = model.decoderWeights();
        List<PosteriorPanel> panels = new ArrayList<>();
        for (int p = 0; p < PANELS; p++) {
            double fraction = p == PANELS - 1 ? 1 : (2 * p + 1) / 10.0;
            int image = byGap[(int) Math.round(fraction * (held.size() - 1))];
            LikelihoodEstimator estimator = new LikelihoodEstimator(
                    config.conditional() ? weights.forClass(held.label(image)) : weights);
            panels.add(panel(estimator, held, image, posteriors));
        }
        String condition = ModelLikelihood.conditionNote(config);
        return new LikelihoodFigure().draw(panels, FigureLabels.titled("How far the ELBO is from log p(x): a " + subject)
                .withNote("six held-out images from the smallest gap to the largest; heat maps: the true posterior"
                        + " p(z|x) on a grid, each scaled to its own peak; the gap is KL(q(z|x) ‖ p(z|x)); nats per image"
                        + (condition.isEmpty() ? "" : "; " + condition)));
    }

    private static PosteriorPanel panel(LikelihoodEstimator estimator, Dataset held, int image, Encoding posteriors) {
        float[] x = held.image(image);
        float[] mean = {posteriors.mean(image, 0), posteriors.mean(image, 1)};
        float[] logVariance = Arrays.copyOfRange(posteriors.logVariances(), 2 * image, 2 * image + 2);
        PosteriorPicture picture = PosteriorPicture.of(estimator, x, mean, logVariance, DISPLAY_CELLS);
        IwaeCurve curve = estimator.iwaeCurve(x, mean, logVariance, IwaeCurve.MAX_SAMPLES, SEED + image, c -> { },
                () -> false);
        String label = held.hasLabels() ? held.classNames().get(held.label(image)) : null;
        return new PosteriorPanel(new GrayscaleImages(x, held.width(), held.height()), label, picture.first1(),
                picture.first2(), picture.step(), DISPLAY_CELLS, picture.density(), picture.qMean(), picture.qStd(),
                curve.negativeElbo(), picture.negativeLogMarginal(), curve.samples(), curve.negativeLogMarginal());
    }

    /**
     * The 16 held-out images of lowest and of highest −log p(x) (by quadrature for a 2-D latent
     * space, else by importance sampling with {@value #OUTLIER_SAMPLES} samples); with other data,
     * up to {@value LikelihoodRanking#MAX_OTHER} of its images, evenly spread through it, scored the same way.
     */
    static BufferedImage outliers(RunFolder folder, String otherSpec, String subject) {
        ModelConfig config = requireVae(folder);
        Dataset held = folder.validation();
        double[] heldOut = negativeLogMarginals(folder.model(), held);
        int[] most = LikelihoodRanking.lowest(heldOut, LikelihoodRanking.SHOWN);
        int[] least = LikelihoodRanking.highest(heldOut, LikelihoodRanking.SHOWN);
        OutlierFigureData.Comparison comparison = null;
        if (otherSpec != null) {
            if (DatasetSource.sameData(otherSpec, folder.run().datasetSpec())) {
                throw new IllegalArgumentException("--other names the run's own data; give another dataset to compare with");
            }
            Dataset all = DatasetSource.parse(otherSpec).load();
            ScoredImages.checkSize(all, config);
            Dataset other = all.subset(LikelihoodRanking.spread(all.size(), LikelihoodRanking.MAX_OTHER), all.name());
            double[] otherValues = negativeLogMarginals(folder.model(), other);
            comparison = new OutlierFigureData.Comparison(heldOut, otherValues, all.name(),
                    RocAuc.of(otherValues, heldOut));
        }
        String estimate = config.latentSize() == 2 ? "quadrature"
                : String.format(Locale.ROOT, "importance sampling with K = %,d", OUTLIER_SAMPLES);
        return new OutlierFigure().draw(new OutlierFigureData(images(held, most), values(heldOut, most),
                        images(held, least), values(heldOut, least), comparison),
                FigureLabels.titled("What a " + subject + " finds likely and unlikely").withNote(
                        "held-out images of " + DatasetSource.parse(folder.run().datasetSpec()).describe()
                                + " ranked by −log p(x) in nats per image, by " + estimate
                                + (config.conditional() ? "; " + ModelLikelihood.conditionNote(config) : "")));
    }

    private static double[] negativeLogMarginals(LatentModel model, Dataset images) {
        ModelConfig config = model.config();
        ModelLikelihood.require(config);
        boolean plane = config.latentSize() == 2;
        int count = images.size();
        float[] pixels = images.pixels(count);
        int[] labels = ModelLikelihood.labels(config, images);
        Encoding posteriors = labels == null ? model.encode(pixels, count) : model.encode(pixels, labels, count);
        return LikelihoodRanking.negativeLogMarginals(model.decoderWeights(), pixels, labels, posteriors,
                new EvaluationSettings(plane ? 1 : OUTLIER_SAMPLES, SEED, plane ? QuadratureRule.STANDARD : null,
                        threads()), done -> { }, () -> false);
    }

    private static GrayscaleImages images(Dataset set, int[] picks) {
        return new GrayscaleImages(set.subset(picks, set.name()).pixels(picks.length), set.width(), set.height());
    }

    private static double[] values(double[] all, int[] picks) {
        return Arrays.stream(picks).mapToDouble(i -> all[i]).toArray();
    }

    private static ModelConfig requireVae(RunFolder folder) {
        ModelConfig config = folder.run().modelConfig();
        ModelLikelihood.require(config);
        if (config.kind() == ModelKind.HVAE) {
            throw new IllegalArgumentException("the likelihood and outliers figures draw one level's posterior and"
                    + " scores; for a hierarchical VAE, 'evaluate --run " + folder.folder() + "' prints -log p(x)");
        }
        return config;
    }

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
