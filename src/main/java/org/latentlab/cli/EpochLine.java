package org.latentlab.cli;

import java.util.Locale;
import org.latentlab.training.EpochMetrics;

/** The one line the command line prints per epoch. */
final class EpochLine {

    private EpochLine() {
    }

    static String of(EpochMetrics m) {
        return String.format(Locale.ROOT,
                "epoch %3d  train %8.2f  validation -ELBO %8.2f = reconstruction %8.2f + KL %6.2f  %6.2f s",
                m.epoch(), m.trainingObjective(), m.validationNegativeElbo(), m.validationReconstruction(),
                m.validationKl(), m.seconds());
    }
}
