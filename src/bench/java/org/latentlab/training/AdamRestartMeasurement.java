package org.latentlab.training;

import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSource;
import org.latentlab.data.DatasetSplit;
import org.latentlab.model.ModelState;

/**
 * A measurement, not a test: what dropping Adam's moments from a saved run (as the ready runs do,
 * docs/decisions/0091) costs the training that goes on from it. Continues one run file three ways
 * on the same minibatches: with its moments, without them and Adam started again (zero moments,
 * bias correction from step 1: what {@link ModelState#withoutOptimizerState} gives), and without
 * them but Adam's step count going on (its bias correction then near 1, so the first steps are
 * several times larger). Prints, for each, the mean training loss per image over windows of the
 * steps and how far it lies from the run that kept its moments, and the held-out negative ELBO
 * before and after.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp "target/latent-lab.jar:target/bench-classes:target/lib/*"
 * org.latentlab.training.AdamRestartMeasurement RUN-FILE [steps]} (a run file that holds its moments).
 */
public final class AdamRestartMeasurement {

    private static final int[] WINDOW_ENDS = {10, 50, 100, 200, 400, 1000};

    private AdamRestartMeasurement() {
    }

    public static void main(String[] args) {
        SavedRun run = RunFile.load(Path.of(args[0]));
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Dataset data = DatasetSource.parse(run.datasetSpec()).load();
        DatasetSplit split = DatasetSplit.of(data, DatasetSplit.DEFAULT_VALIDATION_FRACTION, run.trainingConfig().seed());
        ModelState kept = run.state();
        ModelState naive = new ModelState(kept.parameters(), new float[kept.optimizerState().length], kept.steps());
        double[] reference = continued(run, kept, split, steps, "moments kept");
        double[] restarted = continued(run, kept.withoutOptimizerState(), split, steps,
                "moments dropped, Adam restarted (ready runs)");
        double[] zeroed = continued(run, naive, split, steps, "moments dropped, Adam's step count going on");
        System.out.println();
        differences("restarted", restarted, reference);
        differences("step count going on", zeroed, reference);
    }

    /** Trains {@code steps} minibatches on from {@code state}; prints and returns each step's loss. */
    private static double[] continued(SavedRun run, ModelState state, DatasetSplit split, int steps, String what) {
        SavedRun from = new SavedRun(run.modelConfig(), run.trainingConfig(), run.datasetSpec(), state, run.iterations(),
                run.epochs());
        TrainingSession session = TrainingSession.resume(split.train(), split.validation(), from);
        double before = heldOut(session, split.validation());
        double[] losses = new double[steps];
        for (int i = 0; i < steps; i++) {
            losses[i] = session.step().losses().objective();
        }
        System.out.printf(Locale.ROOT, "%-46s held-out -ELBO %.3f -> %.3f after %d steps; training loss%s%n",
                what, before, heldOut(session, split.validation()), steps, windows(losses));
        return losses;
    }

    private static double heldOut(TrainingSession session, Dataset validation) {
        return session.model().evaluate(validation.pixels(validation.size()), validation.size(),
                new SplittableRandom(1)).objective();
    }

    private static String windows(double[] losses) {
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (int end : WINDOW_ENDS) {
            if (end > losses.length) {
                break;
            }
            double sum = 0;
            for (int i = from; i < end; i++) {
                sum += losses[i];
            }
            text.append(String.format(Locale.ROOT, " %d-%d: %.2f", from + 1, end, sum / (end - from)));
            from = end;
        }
        return text.toString();
    }

    private static void differences(String what, double[] losses, double[] reference) {
        double[] gap = new double[losses.length];
        double worst = 0;
        for (int i = 0; i < losses.length; i++) {
            gap[i] = losses[i] - reference[i];
            worst = Math.max(worst, gap[i]);
        }
        System.out.printf(Locale.ROOT, "%-22s minus kept, per step and image:%s; largest %.2f%n", what, windows(gap),
                worst);
    }
}
