package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetSplitsTest {

    @Test
    void theSameDataAndSeedAreLoadedOnceAndSplitAsTheCommandLineSplitsThem() {
        DatasetSplits splits = new DatasetSplits();
        DatasetSplit first = splits.split("mnist", 42);
        assertSame(first, splits.split("mnist", 42), "the explorer and the compare lab share one copy");
        DatasetSplit commandLine = DatasetSplit.of(DatasetSource.parse("mnist").load(),
                DatasetSplit.DEFAULT_VALIDATION_FRACTION, 42);
        assertEquals(commandLine.validation().size(), first.validation().size());
        assertEquals(1_000, first.validation().size());
        for (int i = 0; i < 20; i++) {
            assertEquals(commandLine.validation().label(i), first.validation().label(i), "held-out image " + i);
        }
        assertNotSame(first, splits.split("mnist", 7), "another seed, another split");
    }

    @Test
    void aDatasetThatCannotBeReadIsNamed(@TempDir Path folder) {
        String missing = folder.resolve("nothing-here").toString();
        DatasetException e = assertThrows(DatasetException.class, () -> new DatasetSplits().split(missing, 1));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }
}
