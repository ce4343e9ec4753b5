package org.latentlab.ui.pace;

import java.util.Comparator;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;
import org.latentlab.lesson.ControlId;
import org.latentlab.training.Pace;

/**
 * The training speed as a choice in a toolbar (full speed, 20, 5 or 1 iterations per second) and
 * as a menu of the same choices, both following one pace property. A pace that is not among the
 * choices (a lesson may set 10) is added to them. Confined to the JavaFX application thread.
 */
public final class PaceChoice extends ChoiceBox<Pace> {

    private static final String EXPLANATION = "How fast training runs. At 20, 5 or 1 iterations per second a class "
            + "can follow single steps: each step's minibatch is shown under the views, with its reconstructions";

    public PaceChoice(ObjectProperty<Pace> pace) {
        super(FXCollections.observableArrayList(Pace.CHOICES));
        setId(ControlId.PACE.id());
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Pace value) {
                return value == null ? "" : label(value);
            }

            @Override
            public Pace fromString(String text) {
                throw new UnsupportedOperationException("a pace is picked, not typed");
            }
        });
        Tooltip tooltip = new Tooltip(EXPLANATION);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        setTooltip(tooltip);
        offer(getItems(), pace.get());
        valueProperty().addListener((o, was, now) -> offer(getItems(), now));
        pace.addListener((o, was, now) -> offer(getItems(), now));
        valueProperty().bindBidirectional(pace);
    }

    /** "Full speed", "5 it/s". */
    public static String label(Pace pace) {
        return pace.isFull() ? "Full speed" : pace.iterationsPerSecond() + " it/s";
    }

    /** A menu of the same choices, as radio items that follow {@code pace}. */
    public static Menu menu(String title, ObjectProperty<Pace> pace) {
        Menu menu = new Menu(title);
        ToggleGroup group = new ToggleGroup();
        for (Pace choice : Pace.CHOICES) {
            RadioMenuItem item = new RadioMenuItem(choice.isFull() ? "Full speed"
                    : choice.iterationsPerSecond() + (choice.iterationsPerSecond() == 1 ? " iteration" : " iterations")
                    + " per second");
            item.setToggleGroup(group);
            item.setUserData(choice);
            item.setSelected(choice.equals(pace.get()));
            item.setOnAction(e -> pace.set(choice));
            menu.getItems().add(item);
        }
        pace.addListener((o, was, now) -> group.getToggles().forEach(t -> t.setSelected(now.equals(t.getUserData()))));
        return menu;
    }

    /** Adds {@code pace} to {@code items} if it is not there, keeping full speed first and the rest fastest first. */
    private static void offer(java.util.List<Pace> items, Pace pace) {
        if (pace != null && !items.contains(pace)) {
            items.add(pace);
            items.sort(Comparator.comparing((Pace p) -> !p.isFull()).thenComparing(p -> -p.iterationsPerSecond()));
        }
    }
}
