package org.latentlab.ui.compare;

import javafx.beans.value.ObservableValue;
import org.latentlab.training.TrainerState;

/**
 * Keeps two trainers of one window from training at once: when one starts running, the other is
 * paused. The machine a class uses may have two cores; the JavaFX thread needs one of them, and
 * two trainers on the other would each run at half speed and make the window stutter. Uses
 * {@code javafx.beans} only; confined to the thread the states change on (the JavaFX thread).
 */
public final class OneTrainerAtATime {

    private OneTrainerAtATime() {
    }

    /**
     * Pauses {@code pauseB} whenever {@code a} starts running, and {@code pauseA} whenever
     * {@code b} does.
     */
    public static void between(ObservableValue<TrainerState> a, Runnable pauseA,
                               ObservableValue<TrainerState> b, Runnable pauseB) {
        a.addListener((o, was, now) -> {
            if (now == TrainerState.RUNNING) {
                pauseB.run();
            }
        });
        b.addListener((o, was, now) -> {
            if (now == TrainerState.RUNNING) {
                pauseA.run();
            }
        });
    }
}
