package org.latentlab.ui.attributes;

import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.latentlab.latent.AttributeVector;
import org.latentlab.training.LatentAnalysis;

/**
 * One slider of the Attributes panel: an attribute vector, how good it is, and how far along it the
 * image is moved (in whole vectors: 1 moves by the mean difference between the groups). The vector
 * is replaced as the model trains; the amount stays. Uses {@code javafx.beans} only; confined to the
 * JavaFX application thread (or a test's thread).
 */
public final class AttributeSlider {

    private final String key;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyDoubleWrapper auc = new ReadOnlyDoubleWrapper(this, "auc", Double.NaN);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", false);
    private final DoubleProperty amount = new SimpleDoubleProperty(this, "amount", 0);
    private AttributeVector vector;

    AttributeSlider(String key) {
        this.key = key;
    }

    /** Takes the newest vector for this slider (or the reason there is none). */
    void show(LatentAnalysis.SliderVector made) {
        name.set(made.name());
        vector = made.vector();
        available.set(vector != null);
        auc.set(vector == null ? Double.NaN : vector.heldOutAuc());
        if (vector == null) {
            explanation.set("No vector: " + made.problem() + ".");
            return;
        }
        StringBuilder text = new StringBuilder(Character.toUpperCase(made.meaning().charAt(0)) + made.meaning().substring(1))
                .append('.');
        text.append(String.format(Locale.ROOT, "%nHeld-out AUC %.3f: how often %s (0.5 is chance, 1 perfect). "
                + "From %d + %d images, %d + %d more held out.", vector.heldOutAuc(), made.groups(), vector.positives(),
                vector.negatives(), vector.heldOutPositives(), vector.heldOutNegatives()));
        double cosine = made.cosineToPlain();
        if (!Double.isNaN(cosine)) {
            text.append(String.format(Locale.ROOT, "%nCosine to the plain vector: %.3f.", cosine));
        }
        explanation.set(text.toString());
    }

    /** Stays the same while the model trains: "class" or the attribute's name. */
    public String key() {
        return key;
    }

    /** The vector now, or {@code null}. */
    AttributeVector vector() {
        return vector;
    }

    /** What the slider is called: "3 → 8", "ink", "smile". */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** How the vector was made and how good it is, in words. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The held-out ROC AUC of z · v; NaN when there is no vector. */
    public ReadOnlyDoubleProperty aucProperty() {
        return auc.getReadOnlyProperty();
    }

    /** Whether there is a vector to move along. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** How many vectors to move by: 0 leaves the image where it is. */
    public DoubleProperty amountProperty() {
        return amount;
    }
}
