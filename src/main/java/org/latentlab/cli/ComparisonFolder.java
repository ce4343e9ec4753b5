package org.latentlab.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.training.CompareVariant;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.training.SavedRun;
import org.latentlab.training.TrainingConfig;

/**
 * A folder written by {@code train --compare}: one ordinary run folder per model (readable by
 * every other command) and {@value #INDEX_FILE}, which lists them in panel order.
 *
 * <pre>
 *   format=latent-lab-comparison
 *   version=1
 *   preset=ablation
 *   variants=ae,rec-only,kl-only,vae
 *   dataset=mnist
 * </pre>
 *
 * @param variants the models, rebuilt from their runs, in panel order
 * @param runs     their run folders, in the same order
 */
record ComparisonFolder(Path folder, String presetName, List<CompareVariant> variants, List<RunFolder> runs) {

    static final String INDEX_FILE = "comparison.properties";
    private static final String FORMAT = "latent-lab-comparison";
    private static final int VERSION = 1;

    /** Writes the index of a comparison whose runs go into sub-folders named after the variants. */
    static void writeIndex(Path folder, ComparisonPreset preset, String datasetSpec) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("preset", preset.name());
        p.setProperty("variants", String.join(",", preset.variants().stream().map(CompareVariant::name).toList()));
        p.setProperty("dataset", datasetSpec);
        Files.createDirectories(folder);
        AtomicText.write(folder.resolve(INDEX_FILE), out -> p.store(out, "Latent Lab comparison: one run folder per model"));
    }

    static boolean holdsComparison(Path folder) {
        return Files.isRegularFile(folder.resolve(INDEX_FILE));
    }

    /** Opens the comparison and each of its runs, loading the dataset once for all of them. */
    static ComparisonFolder open(Path folder) {
        Path index = folder.resolve(INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new LatentLabCommand.CommandFailure(folder + " holds no " + INDEX_FILE
                    + ": give the folder that 'train --compare' wrote");
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(index)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new LatentLabCommand.CommandFailure(index + " could not be read: " + e.getMessage());
        }
        if (!FORMAT.equals(p.getProperty("format")) || p.getProperty("variants") == null
                || p.getProperty("dataset") == null) {
            throw new LatentLabCommand.CommandFailure(index + " is not a Latent Lab comparison index (expected format="
                    + FORMAT + " with variants and dataset)");
        }
        Dataset data = DatasetSource.parse(p.getProperty("dataset")).load();
        List<CompareVariant> variants = new ArrayList<>();
        List<RunFolder> runs = new ArrayList<>();
        for (String name : p.getProperty("variants").split(",")) {
            RunFolder run = RunFolder.open(folder.resolve(name.trim()), data);
            SavedRun saved = run.run();
            TrainingConfig training = saved.trainingConfig();
            variants.add(new CompareVariant(name.trim(), saved.modelConfig().kind(), training.lossTerms(),
                    training.beta().target(), training.debias()));
            runs.add(run);
        }
        return new ComparisonFolder(folder, p.getProperty("preset", "comparison"), variants, runs);
    }

    /** The held-out images, the same for every run of the comparison. */
    Dataset validation() {
        return runs.get(0).validation();
    }
}
