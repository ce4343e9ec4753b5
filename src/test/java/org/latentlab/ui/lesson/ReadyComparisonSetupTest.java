package org.latentlab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.latentlab.data.DatasetSplits;
import org.latentlab.lesson.Setup;
import org.latentlab.lesson.SetupKey;
import org.latentlab.ui.Pulses;
import org.latentlab.ui.compare.CompareViewModel;
import org.latentlab.ui.compare.DatasetCompareTrainerFactory;
import org.latentlab.ui.explorer.ExplorerSetup;
import org.latentlab.ui.explorer.ExplorerViewModel;

/**
 * A setup naming the ready-trained ablation, applied to the Explore tab's and the Compare tab's
 * view-models without a toolkit: trained models in the Compare tab are replaced only when the user
 * agrees, and a later step that keeps naming the comparison does not load it again.
 */
class ReadyComparisonSetupTest {

    private final ExplorerViewModel explorer = new ExplorerViewModel(new WindowSetupTest.BarsFactory(), Runnable::run,
            Runnable::run);
    private final CompareViewModel compare = new CompareViewModel(new DatasetCompareTrainerFactory(new DatasetSplits()),
            explorer.setupProperty(), Runnable::run, Runnable::run);
    private final List<String> asked = new ArrayList<>();
    /** Whether the user keeps the trained models when asked. */
    private boolean keep;
    private final WindowSetup window = new WindowSetup(explorer, compare, new SimpleBooleanProperty(),
            (title, question, yes, no) -> asked.add(question) && !keep);

    @AfterEach
    void close() {
        compare.close();
        explorer.close();
    }

    private long iteration() {
        return compare.lifecycle().snapshotProperty().get().iteration();
    }

    private void awaitComparison(String what, long iteration) throws InterruptedException {
        Pulses.until(what, compare::pulse, () -> !compare.lifecycle().busyProperty().get()
                && compare.lifecycle().snapshotProperty().get() != null && iteration() == iteration,
                compare.lifecycle().statusProperty()::get);
    }

    @Test
    void theReadyComparisonReplacesTrainedModelsOnlyWhenTheUserAgrees() throws InterruptedException {
        explorer.start(ExplorerSetup.defaults());
        Pulses.until("the Explore tab's model", explorer::pulse, () -> !explorer.lifecycle().busyProperty().get(),
                explorer.lifecycle().statusProperty()::get);
        compare.activate();
        awaitComparison("a new comparison", 0);
        compare.commands().step();
        awaitComparison("one step", 1);

        Setup step = Setup.defaults().with(Map.of(SetupKey.RUN, "compare-ablation", SetupKey.TAB, "compare"));
        keep = true;
        window.apply(step);
        assertEquals(List.of("The models here trained for 1 iteration. Opening the ready-trained comparison"
                + " 'compare-ablation' replaces them. Discard these?"), asked);
        assertNull(compare.openedFromProperty().get(), "kept");
        assertEquals(1, iteration());

        keep = false;
        window.apply(step);
        awaitComparison("the ready comparison", 710);
        assertEquals("compare-ablation", compare.openedFromProperty().get());
        assertEquals(2, asked.size());

        compare.commands().step();
        awaitComparison("one step on", 711);
        window.apply(step);
        assertEquals(2, asked.size(), "a step that names the loaded comparison again asks nothing");
        assertEquals(711, iteration(), "and leaves the models as the class trained them");
    }
}
