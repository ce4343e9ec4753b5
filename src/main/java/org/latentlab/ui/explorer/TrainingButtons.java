package org.latentlab.ui.explorer;

import javafx.scene.control.Button;
import org.latentlab.training.TrainerState;

/** How a tab's Train / Pause, Step and Reset buttons follow its trainer. */
public final class TrainingButtons {

    private TrainingButtons() {
    }

    /**
     * "Pause" while training, "Train" otherwise; Step only while not training; all three off
     * while there is no trainer, while it is being built ({@code busy}) or after it stopped.
     */
    public static void show(Button train, Button step, Button reset, TrainerState state, boolean busy) {
        boolean off = busy || state == null || state == TrainerState.STOPPED;
        train.setText(state == TrainerState.RUNNING ? "Pause" : "Train");
        train.setDisable(off);
        step.setDisable(off || state == TrainerState.RUNNING);
        reset.setDisable(off);
    }
}
