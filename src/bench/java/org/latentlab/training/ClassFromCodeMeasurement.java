package org.latentlab.training;

import java.util.List;
import java.util.Locale;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.DatasetSplits;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * A measurement, not a test: how much of the class the codes of the window's conditional VAE and of
 * its plain twin ({@link PlainTwin}: the same network without the class, the same seed and
 * minibatches) hold after a number of steps, the table of docs/decisions/0084 from which
 * {@code CodePairWindowTest}'s margin was chosen. Both models train side by side on the embedded
 * digits with the window's settings (784-512-2, batch 128, Adam 10⁻³, seed 42).
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp "target/latent-lab.jar:target/bench-classes:target/lib/*"
 * org.latentlab.training.ClassFromCodeMeasurement [steps,steps,…]}
 */
public final class ClassFromCodeMeasurement {

    private ClassFromCodeMeasurement() {
    }

    public static void main(String[] args) {
        String list = args.length > 0 ? args[0] : "100,142,180,250,284,355";
        DatasetSplit split = new DatasetSplits().split("mnist", 42);
        ModelConfig reference = ModelConfig.reference(ModelKind.VAE, 42);
        ModelConfig conditional = new ModelConfig(ModelKind.CVAE, 28, 28, List.of(512), 2, reference.activation(),
                reference.likelihood(), reference.decoderStd(), 42, 0, 10, DecoderVariance.FIXED);
        TrainingConfig settings = TrainingConfig.defaults(0, 42);
        TrainingSession cvae = new TrainingSession(split.train(), split.validation(), conditional, settings);
        TrainingSession vae = new TrainingSession(split.train(), split.validation(), conditional.withConditionClasses(0),
                settings);
        double chance = ClassFromCode.chance(split.validation().labels(split.validation().size()), 10);
        System.out.printf(Locale.ROOT, "steps | plain VAE | conditional VAE | gap (points); chance %.1f %%%n",
                100 * chance);
        for (String word : list.split(",")) {
            int steps = Integer.parseInt(word.strip());
            while (cvae.iteration() < steps) {
                cvae.step();
                vae.step();
            }
            double c = ClassFromCode.accuracy(cvae.model(), split.train(), split.validation());
            double v = ClassFromCode.accuracy(vae.model(), split.train(), split.validation());
            System.out.printf(Locale.ROOT, "%d | %.1f %% | %.1f %% | %.1f%n", steps, 100 * v, 100 * c, 100 * (v - c));
        }
    }
}
