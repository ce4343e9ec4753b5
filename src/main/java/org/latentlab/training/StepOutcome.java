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
}
