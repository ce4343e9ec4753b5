package org.latentlab.ui.compare;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.training.BetaSchedule;
import org.latentlab.training.CompareConfig;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.LossTerms;
import org.latentlab.training.TrainingConfig;
import org.latentlab.ui.explorer.DatasetChoice;
import org.latentlab.ui.explorer.ExplorerSetup;

/**
 * What the compare lab trains: the Explore tab's data and network, the panels, and the learning
 * rate. Every model takes the dataset, the network (latent size, hidden widths, pixel likelihood),
 * the batch size and the seed from {@code source}; its kind, loss terms and β from its panel.
 * Immutable.
 *
 * @param source       the Explore tab's setup when the comparison was made
 * @param preset       the panels
 * @param learningRate Adam's step size for every model
 */
public record CompareSetup(ExplorerSetup source, ComparisonPreset preset, double learningRate) {

    /** The comparisons the tab offers: why the KL term is there, and what β does. */
    public static final List<ComparisonPreset> PRESETS = List.of(ComparisonPreset.ABLATION, ComparisonPreset.BETA_SWEEP);

    public CompareSetup {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(preset, "preset");
        training(source, learningRate); // rejects a learning rate outside (0, 1]
    }

    /** The comparison's configuration, for images of {@code imageWidth × imageHeight}. */
    public CompareConfig config(int imageWidth, int imageHeight) {
        return new CompareConfig(unconditioned(source).modelConfig(imageWidth, imageHeight, 0),
                training(source, learningRate), preset);
    }

    /**
     * The setup whose network the comparison's models share: the Explore tab's, or a plain VAE's of
     * the same data when the Explore tab trains a conditional or hierarchical VAE (the comparison's
     * models have one level and read no class).
     */
    private static ExplorerSetup unconditioned(ExplorerSetup setup) {
        return setup.kind() == ModelKind.CVAE || setup.kind() == ModelKind.HVAE ? setup.withKind(ModelKind.VAE) : setup;
    }

    private static TrainingConfig training(ExplorerSetup source, double learningRate) {
        return new TrainingConfig(learningRate, source.batchSize(), 0, new BetaSchedule.Constant(1),
                LossTerms.COMBINED, source.seed());
    }

    /**
     * Whether {@code explorer} would train on the same data with the same network, batches and
     * seed as this comparison: the Explore tab's model kind, β and learning rate do not matter here.
     */
    public boolean follows(ExplorerSetup explorer) {
        return source.datasetSpec().equals(explorer.datasetSpec()) && source.batchSize() == explorer.batchSize()
                && source.seed() == explorer.seed() && network(source).equals(network(explorer));
    }

    private static ModelConfig network(ExplorerSetup setup) {
        return unconditioned(setup).modelConfig(1, 1, 0).withKind(ModelKind.VAE);
    }

    public CompareSetup withPreset(ComparisonPreset newPreset) {
        return new CompareSetup(source, newPreset, learningRate);
    }

    public CompareSetup withLearningRate(double rate) {
        return new CompareSetup(source, preset, rate);
    }

    /** The shared part in a few words: "MNIST digits (10,000, built in) · 2-D latent · batch 128 · seed 42". */
    public String describeSource() {
        return describe(source);
    }

    static String describe(ExplorerSetup setup) {
        return String.format(Locale.ROOT, "%s · %d-D latent · batch %d · seed %d",
                DatasetChoice.of(setup.datasetSpec()).label(), setup.latentSize(), setup.batchSize(), setup.seed());
    }

    /** How the tab names a preset: "Ablation: AE, reconstruction only, KL only, both". */
    public static String label(ComparisonPreset preset) {
        if (preset.equals(ComparisonPreset.ABLATION)) {
            return "Ablation: AE · reconstruction only · KL only · VAE";
        }
        if (preset.equals(ComparisonPreset.BETA_SWEEP)) {
            return "β sweep: VAEs with β = 0.1, 1, 4";
        }
        return preset.name();
    }
}
