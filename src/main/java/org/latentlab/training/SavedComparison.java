package org.latentlab.training;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * A comparison as {@code train --compare} writes it: a folder holding one ordinary run folder per
 * model ({@code NAME/}{@value #RUN_FILE}) and {@value #INDEX_FILE}, which lists the models in panel
 * order. The compare lab opens one to go on training its models in lockstep; a ready-trained
 * comparison ({@link ReadyRunFiles}) is such a folder too.
 *
 * <pre>
 *   format=latent-lab-comparison
 *   version=1
 *   preset=ablation
 *   variants=ae,rec-only,kl-only,vae
 *   dataset=mnist
 * </pre>
 *
 * @param preset      the panels, rebuilt from the runs (each run's kind, loss terms and β); the
 *                    named preset itself when its panels are those
 * @param datasetSpec the images every model trained on, as {@code train --dataset} names them
 * @param runs        the models, in panel order
 */
public record SavedComparison(ComparisonPreset preset, String datasetSpec, List<SavedRun> runs) {

    /** The index of a comparison folder. */
    public static final String INDEX_FILE = "comparison.properties";
    /** Each model's run file, in the sub-folder named after its variant. */
    public static final String RUN_FILE = RunFile.FILE_NAME;
    private static final String FORMAT = "latent-lab-comparison";
    private static final int VERSION = 1;

    public SavedComparison {
        runs = List.copyOf(runs);
        if (runs.size() != preset.variants().size()) {
            throw new IllegalArgumentException(preset.variants().size() + " panels but " + runs.size() + " runs");
        }
    }

    /** The index a folder holds: the preset's name, the dataset and the variants' names in panel order. */
    public record Index(String presetName, String datasetSpec, List<String> variants) {

        public Index {
            variants = List.copyOf(variants);
        }

        /** Writes it as {@value #INDEX_FILE} says it. */
        public void write(Writer out) throws IOException {
            Properties p = new Properties();
            p.setProperty("format", FORMAT);
            p.setProperty("version", Integer.toString(VERSION));
            p.setProperty("preset", presetName);
            p.setProperty("variants", String.join(",", variants));
            p.setProperty("dataset", datasetSpec);
            p.store(out, "Latent Lab comparison: one run folder per model");
        }
    }

    /** The index of {@code preset}'s comparison on {@code datasetSpec}. */
    public static Index indexOf(ComparisonPreset preset, String datasetSpec) {
        return new Index(preset.name(), datasetSpec, preset.variants().stream().map(CompareVariant::name).toList());
    }

    /** Whether {@code folder} holds a comparison index. */
    public static boolean holdsComparison(Path folder) {
        return Files.isRegularFile(folder.resolve(INDEX_FILE));
    }

    /**
     * Reads the index of the comparison in {@code folder}.
     *
     * @throws RunFileException naming the file and what was expected of it
     */
    public static Index readIndex(Path folder) {
        Path index = folder.resolve(INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new RunFileException(folder + " holds no " + INDEX_FILE + ": give the folder that 'train --compare'"
                    + " wrote");
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(index)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new RunFileException(index + " could not be read: " + e.getMessage());
        }
        String variants = p.getProperty("variants");
        if (!FORMAT.equals(p.getProperty("format")) || variants == null || variants.isBlank()
                || p.getProperty("dataset") == null) {
            throw new RunFileException(index + " is not a Latent Lab comparison index (expected format=" + FORMAT
                    + " with variants and dataset)");
        }
        return new Index(p.getProperty("preset", "comparison"), p.getProperty("dataset"),
                Arrays.stream(variants.split(",")).map(String::strip).toList());
    }

    /**
     * Opens the comparison in {@code folder} and each model's run file.
     *
     * @throws RunFileException naming the file that is missing or wrong and what was expected
     */
    public static SavedComparison load(Path folder) {
        Index index = readIndex(folder);
        List<CompareVariant> variants = new ArrayList<>();
        List<SavedRun> runs = new ArrayList<>();
        for (String name : index.variants()) {
            Path file = folder.resolve(name).resolve(RUN_FILE);
            if (!Files.isRegularFile(file)) {
                throw new RunFileException(folder.resolve(INDEX_FILE) + " lists the model '" + name + "', but " + file
                        + " does not exist (expected one run folder per model, as 'train --compare' writes them)");
            }
            SavedRun run = RunFile.load(file);
            if (!run.datasetSpec().equals(index.datasetSpec())) {
                throw new RunFileException(file + " was trained on " + run.datasetSpec() + ", but "
                        + folder.resolve(INDEX_FILE) + " says the comparison is on " + index.datasetSpec());
            }
            variants.add(variantOf(name, run));
            runs.add(run);
        }
        requireSameBatches(folder, index.variants(), runs);
        return new SavedComparison(presetOf(index.presetName(), variants), index.datasetSpec(), runs);
    }

    /** The panel a run was trained as: its kind, loss terms, β and debiasing strength. */
    public static CompareVariant variantOf(String name, SavedRun run) {
        TrainingConfig training = run.trainingConfig();
        return new CompareVariant(name, run.modelConfig().kind(), training.lossTerms(), training.beta().target(),
                training.debias());
    }

    /** The named preset when its panels are {@code variants}, else a preset of those panels under that name. */
    private static ComparisonPreset presetOf(String name, List<CompareVariant> variants) {
        try {
            ComparisonPreset named = ComparisonPreset.parse(name);
            if (named.variants().equals(variants)) {
                return named;
            }
        } catch (IllegalArgumentException notAPreset) {
            // a comparison of its own: its panels are the preset
        }
        return new ComparisonPreset(name, variants);
    }

    /** Lockstep needs the same batches: every model took as many steps, with the same batch size and seed. */
    private static void requireSameBatches(Path folder, List<String> names, List<SavedRun> runs) {
        SavedRun first = runs.get(0);
        for (int i = 1; i < runs.size(); i++) {
            SavedRun run = runs.get(i);
            if (run.state().steps() != first.state().steps()
                    || run.trainingConfig().batchSize() != first.trainingConfig().batchSize()
                    || run.trainingConfig().seed() != first.trainingConfig().seed()) {
                throw new RunFileException(folder.resolve(names.get(i)).resolve(RUN_FILE) + " took "
                        + run.state().steps() + " steps of batch " + run.trainingConfig().batchSize() + " with seed "
                        + run.trainingConfig().seed() + ", but " + folder.resolve(names.get(0)).resolve(RUN_FILE)
                        + " took " + first.state().steps() + " of batch " + first.trainingConfig().batchSize()
                        + " with seed " + first.trainingConfig().seed()
                        + " (expected the models of one comparison, trained side by side)");
            }
        }
    }
}
