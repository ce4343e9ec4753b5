package org.latentlab.training;

import org.latentlab.model.BatchLosses;

/**
 * What one training iteration did.
 *
 * @param losses         the batch's loss terms (not finite if training diverged; then no update was made)
 * @param beta           β used for the step
 * @param completedEpoch the epoch this step completed, or {@code null}
 */
public record StepOutcome(BatchLosses losses, double beta, EpochMetrics completedEpoch) {

    public boolean diverged() {
        return !losses.isFinite();
    }

    /** What the loss became, for a message: "NaN (not a number)" or "infinite" ("finite" if it did not diverge). */
    public String lossDescription() {
        if (Double.isNaN(losses.objective()) || Double.isNaN(losses.reconstruction()) || Double.isNaN(losses.kl())) {
            return "NaN (not a number)";
        }
        return diverged() ? "infinite" : "finite";
    }
}
