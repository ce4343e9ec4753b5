package org.latentlab.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;

/**
 * Two toggle buttons of which exactly one is always on, kept in step with a boolean property both
 * ways: {@code on} selected means true. Confined to the JavaFX application thread.
 */
public final class TwoWaySwitch {

    private TwoWaySwitch() {
    }

    /** Joins {@code off} and {@code on} into one switch over {@code value}. */
    public static void bind(ToggleButton off, ToggleButton on, BooleanProperty value) {
        ToggleGroup group = new ToggleGroup();
        off.setToggleGroup(group);
        on.setToggleGroup(group);
        group.selectToggle(value.get() ? on : off);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was); // one of the two is always on
            } else {
                value.set(now == on);
            }
        });
        value.addListener((o, was, now) -> group.selectToggle(now ? on : off));
    }
}
