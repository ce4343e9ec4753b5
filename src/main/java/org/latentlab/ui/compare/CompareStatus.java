package org.latentlab.ui.compare;

import java.util.List;
import java.util.Locale;
import org.latentlab.training.CompareSnapshot;
import org.latentlab.training.EpochMetrics;
import org.latentlab.training.VariantSnapshot;
import org.latentlab.ui.explorer.TrainerLifecycle;

/** The status line of a comparison being trained: its progress, its speed and its last epoch's time. Stateless. */
public final class CompareStatus {

    private CompareStatus() {
    }

    /** "Epoch 3 · iteration 210 · 65.6 steps/s, each of all 4 models on one minibatch · last epoch 1.1 s". */
    static String line(CompareSnapshot s) {
        StringBuilder text = new StringBuilder(TrainerLifecycle.progressLine(s));
        if (s.iterationsPerSecond() > 0) {
            text.append(String.format(Locale.ROOT, " · %.1f steps/s, each of all %d models on one minibatch",
                    s.iterationsPerSecond(), s.variants().size()));
        }
        double epochSeconds = lastEpochSeconds(s);
        if (epochSeconds > 0) {
            text.append(String.format(Locale.ROOT, " · last epoch %.1f s", epochSeconds));
        }
        return text.toString();
    }

    /**
     * The training time of the last completed epoch in seconds, summed over the models (which take
     * turns on one thread); 0 before the first epoch ends.
     */
    public static double lastEpochSeconds(CompareSnapshot s) {
        double seconds = 0;
        for (VariantSnapshot panel : s.variants()) {
            List<EpochMetrics> epochs = panel.training().epochs();
            if (epochs.size() == s.epoch() && !epochs.isEmpty()) {
                seconds += epochs.get(epochs.size() - 1).seconds();
            }
        }
        return seconds;
    }
}
