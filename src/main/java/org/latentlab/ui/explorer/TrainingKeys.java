package org.latentlab.ui.explorer;

import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * The single-key training shortcuts a view offers: Space trains or pauses, S steps one minibatch,
 * R resets; not while typing into a field, and not with Ctrl, ⌘ or Alt held.
 */
public final class TrainingKeys {

    private TrainingKeys() {
    }

    /**
     * Handles the shortcuts for key presses within {@code node} while {@code active} says so
     * (a tab that is showing), and lets them through otherwise.
     */
    public static void install(Node node, BooleanSupplier active, Runnable trainOrPause, Runnable step, Runnable reset) {
        node.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()
                    || !active.getAsBoolean()) {
                return;
            }
            Runnable action = switch (e.getCode()) {
                case SPACE -> trainOrPause;
                case S -> step;
                case R -> reset;
                default -> null;
            };
            if (action != null) {
                action.run();
                e.consume();
            }
        });
    }
}
