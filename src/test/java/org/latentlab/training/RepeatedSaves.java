package org.latentlab.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.ModelState;

/**
 * A child process for {@link KilledDuringSaveTest}: saves a run to the file named by its argument
 * over and over, version 1, 2, 3, …, and prints "saved N" after each save returns. Version N has
 * every weight equal to N and N iterations, so a reader can tell a whole version from a mixture.
 * Loads no native library, so that it starts in a fraction of a second.
 */
public final class RepeatedSaves {

    /** The reference network: 0.4 million weights, a 5 MB file. */
    static final ModelConfig MODEL = ModelConfig.reference(ModelKind.VAE, 1);

    private RepeatedSaves() {
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        int count = (int) MODEL.parameterCount();
        float[] parameters = new float[count];
        float[] optimizer = new float[2 * count];
        IterationHistory history = new IterationHistory();
        for (int version = 1; ; version++) {
            Arrays.fill(parameters, version);
            Arrays.fill(optimizer, version);
            history.append(version, version, 0, 1);
            SavedRun run = new SavedRun(MODEL, TrainingConfig.defaults(0, 1), "version-" + version,
                    new ModelState(parameters, optimizer, version), history.view(), List.of());
            RunFile.save(run, target);
            System.out.println("saved " + version);
            System.out.flush();
        }
    }
}
