package org.latentlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.SavedComparison;

/**
 * A folder written by {@code train --compare}: one ordinary run folder per model (readable by
 * every other command) and {@value #INDEX_FILE}, which lists them in panel order
 * ({@link SavedComparison} says its format).
 *
 * @param variants the models, rebuilt from their runs, in panel order
 * @param runs     their run folders, in the same order
 */
record ComparisonFolder(Path folder, String presetName, List<CompareVariant> variants, List<RunFolder> runs) {

    static final String INDEX_FILE = SavedComparison.INDEX_FILE;

    /** Writes the index of a comparison whose runs go into sub-folders named after the variants. */
    static void writeIndex(Path folder, ComparisonPreset preset, String datasetSpec) throws IOException {
        Files.createDirectories(folder);
        AtomicText.write(folder.resolve(INDEX_FILE), SavedComparison.indexOf(preset, datasetSpec)::write);
    }

    static boolean holdsComparison(Path folder) {
        return SavedComparison.holdsComparison(folder);
    }

    /** Opens the comparison and each of its runs, loading the dataset once for all of them. */
    static ComparisonFolder open(Path folder) {
        SavedComparison.Index index = SavedComparison.readIndex(folder);
        Dataset data = DatasetSource.parse(index.datasetSpec()).load();
        List<CompareVariant> variants = new ArrayList<>();
        List<RunFolder> runs = new ArrayList<>();
        for (String name : index.variants()) {
            RunFolder run = RunFolder.open(folder.resolve(name), data);
            variants.add(SavedComparison.variantOf(name, run.run()));
            runs.add(run);
        }
        return new ComparisonFolder(folder, index.presetName(), variants, runs);
    }

    /** The held-out images, the same for every run of the comparison. */
    Dataset validation() {
        return runs.get(0).validation();
    }
}
