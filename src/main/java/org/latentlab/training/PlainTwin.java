package org.latentlab.training;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.latentlab.data.Dataset;
import org.latentlab.model.ModelConfig;

/**
 * A plain VAE trained beside a trainer's conditional VAE, to show what the class does to the code:
 * the same network without the class inputs, on the same images and held-out images, with the same
 * settings and seed, hence the same first weights' draw and the same minibatches, for as many steps.
 * Each {@link #compare()} encodes the held-out images with the conditional VAE on its trainer thread
 * (between two iterations, as it is at that moment), then trains the twin on to the same step count
 * and encodes them with it, on a thread of its own ("latent-lab-plain-twin"), which owns the twin.
 * A new twin starts when the trainer's model went back in steps (a reset).
 *
 * <p>Thread-safe: {@link #compare()} and {@link #close()} may be called from any thread.
 */
public final class PlainTwin implements AutoCloseable {

    private final Trainer trainer;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "latent-lab-plain-twin");
        thread.setDaemon(true);
        return thread;
    });
    /** Confined to the worker. */
    private TrainingSession twin;

    /** @param trainer the trainer of the conditional VAE */
    public PlainTwin(Trainer trainer) {
        this.trainer = trainer;
    }

    /**
     * Encodes the held-out images with the trainer's conditional VAE and with the twin trained to
     * the same step; completes exceptionally with a message for the user when the model reads no
     * class or its images cannot be classified, when the trainer has stopped, or when the twin's
     * training diverges.
     */
    public CompletableFuture<CodeComparison> compare() {
        CompletableFuture<CodeComparison> result = new CompletableFuture<>();
        try {
            trainer.withSession(session -> {
                try {
                    measureConditional(session, result);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (IllegalStateException stopped) {
            result.completeExceptionally(stopped);
        }
        return result;
    }

    /** On the trainer thread: the conditional VAE's reading, then the twin's work handed to the worker. */
    private void measureConditional(TrainingSession session, CompletableFuture<CodeComparison> result) {
        ModelConfig config = session.model().config();
        Dataset training = session.training();
        Dataset held = session.validation();
        if (!config.conditional()) {
            throw new IllegalStateException("the model reads no class: only a conditional VAE has a plain twin");
        }
        if (!ClassFromCode.applies(training, held)) {
            throw new IllegalStateException("the images of '" + training.name() + "' have too few classes or"
                    + " images to guess a class from the codes");
        }
        int count = Math.min(TrainingSession.PROBE_LIMIT, held.size());
        ClassFromCode.Reading conditional = ClassFromCode.measure(session.model(), training, held, count);
        long iteration = session.iteration();
        TrainingConfig settings = session.config().withEpochs(0);
        worker.execute(() -> {
            try {
                ClassFromCode.Reading plain = trainTwin(training, held, config.withConditionClasses(0), settings,
                        iteration, count);
                int[] labels = held.labels(count);
                result.complete(new CodeComparison(conditional, plain, labels, training.classNames(),
                        ClassFromCode.chance(labels, training.classNames().size()), iteration, twin.model().config()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    /** On the worker: trains the twin to {@code iteration} steps (a new one if it is past them) and reads it. */
    private ClassFromCode.Reading trainTwin(Dataset training, Dataset held, ModelConfig config, TrainingConfig settings,
                                            long iteration, int count) {
        if (twin == null || twin.iteration() > iteration || twin.training() != training) {
            twin = new TrainingSession(training, held, config, settings);
        }
        while (twin.iteration() < iteration) {
            if (twin.step().diverged()) {
                throw new IllegalStateException("the plain VAE's loss was not finite at step " + (twin.iteration() + 1)
                        + ": it cannot be compared");
            }
        }
        return ClassFromCode.measure(twin.model(), training, held, count);
    }

    /** Ends the twin's thread once its work in hand is done; returns at once. */
    @Override
    public void close() {
        worker.shutdown();
    }
}
