package org.latentlab.ui.explorer;

import javafx.animation.AnimationTimer;

/** Runs a view-model's {@code pulse} once per frame: how a tab takes its trainer's latest snapshot. */
public final class PulseTimer extends AnimationTimer {

    private final Runnable pulse;

    public PulseTimer(Runnable pulse) {
        this.pulse = pulse;
    }

    @Override
    public void handle(long now) {
        pulse.run();
    }
}
