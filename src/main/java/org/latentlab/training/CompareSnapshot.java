package org.latentlab.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the compare lab shows at one moment, immutable and safe to read on any thread: one
 * {@link VariantSnapshot} per model, all taken between the same two iterations, and the linear
 * baseline. The {@link CompareTrainer} publishes a new one every ~100 ms or more (see
 * {@link TrainerThread}); readers take the latest and ignore the rest.
 *
 * <p>Probe image {@code i} is the same held-out image in every panel and in the baseline, so a
 * selection can be shown in all of them at once. {@link ComparisonDecoder} decodes grids and
 * prior samples from a snapshot; {@link RateDistortionTrail#ofIterations} turns each panel's
 * history into its rate–distortion path.
 *
 * @param state               what the trainer is doing
 * @param message             why it paused on its own; {@code null} otherwise
 * @param iteration           optimisation steps so far, the same for every model still training
 * @param epoch               completed epochs
 * @param epochProgress       fraction of the current epoch done, in [0, 1)
 * @param iterationsPerSecond lockstep iterations (one step of every model) per second since the
 *                            previous snapshot; 0 when not running
 * @param variants            the models, in panel order
 * @param baseline            PCA of the probe images, the linear baseline; {@code null} if the
 *                            held-out set has fewer than two images
 */
public record CompareSnapshot(
        TrainerState state,
        String message,
        long iteration,
        int epoch,
        double epochProgress,
        double iterationsPerSecond,
        List<VariantSnapshot> variants,
        LinearBaseline baseline) implements TrainerProgress {

    public CompareSnapshot {
        variants = List.copyOf(variants);
    }

    /** The panel of the variant named {@code name}. */
    public VariantSnapshot variant(String name) {
        for (VariantSnapshot v : variants) {
            if (v.variant().name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no model named '" + name + "' in this comparison");
    }

    /** The same picture with another state and message; models that stopped keep theirs. */
    public CompareSnapshot withState(TrainerState newState, String newMessage) {
        List<VariantSnapshot> changed = new ArrayList<>();
        for (VariantSnapshot v : variants) {
            changed.add(v.stopped() ? v : new VariantSnapshot(v.variant(), v.training().withState(newState, null), false));
        }
        return new CompareSnapshot(newState, newMessage, iteration, epoch, epochProgress, 0, changed, baseline);
    }
}
