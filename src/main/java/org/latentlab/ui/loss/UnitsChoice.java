package org.latentlab.ui.loss;

import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.latentlab.lesson.ControlId;
import org.latentlab.lesson.Units;

/**
 * The units of every loss number and axis, nats per image or bits per dimension, as a choice beside
 * the loss chart and as a menu of the same two, both following one property. Confined to the
 * JavaFX application thread.
 */
public final class UnitsChoice extends ChoiceBox<Units> {

    private static final String EXPLANATION = "Nats per image: −log p summed over the image's pixels, with the "
            + "natural logarithm. Bits per dimension: the same divided by the number of pixels and by ln 2, which "
            + "compares models of images of different sizes (1 bit per dimension is 784 · ln 2 ≈ 543 nats per "
            + "MNIST digit).";

    public UnitsChoice(ObjectProperty<Units> units) {
        super(FXCollections.observableArrayList(Units.values()));
        setId(ControlId.UNITS.id());
        setConverter(new StringConverter<>() {
            @Override
            public String toString(Units value) {
                return value == null ? "" : value.words();
            }

            @Override
            public Units fromString(String text) {
                return Units.parse(text);
            }
        });
        Tooltip tooltip = new Tooltip(EXPLANATION);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        setTooltip(tooltip);
        valueProperty().bindBidirectional(units);
    }

    /** A menu of the same two units, as radio items that follow {@code units}. */
    public static Menu menu(String title, ObjectProperty<Units> units) {
        Menu menu = new Menu(title);
        ToggleGroup group = new ToggleGroup();
        for (Units choice : Units.values()) {
            RadioMenuItem item = new RadioMenuItem(choice.words());
            item.setToggleGroup(group);
            item.setUserData(choice);
            item.setSelected(choice == units.get());
            item.setOnAction(e -> units.set(choice));
            menu.getItems().add(item);
        }
        units.addListener((o, was, now) -> group.getToggles().forEach(t -> t.setSelected(now == t.getUserData())));
        return menu;
    }
}
