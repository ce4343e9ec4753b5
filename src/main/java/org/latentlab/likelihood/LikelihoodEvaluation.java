package org.latentlab.likelihood;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;

/**
 * Evaluates a whole set of images: importance sampling for each, and quadrature for a 2-D latent
 * space, shared between threads that each own a {@link LikelihoodEstimator}. The threads take
 * blocks of images in turn; every image draws its own ε stream ({@link EvaluationSettings#seed()}),
 * so the report is the same for any number of threads. Stateless.
 */
public final class LikelihoodEvaluation {

    /** Images a thread takes at a time: small enough to share the work evenly. */
    private static final int BLOCK = 16;

    private LikelihoodEvaluation() {
    }

    /**
     * Runs the evaluation on the calling thread and {@code settings.threads() − 1} more, and
     * returns when all are done.
     *
     * @param images   the set's pixels, one image after another
     * @param encoding their posteriors q(z|x), in the same order
     * @throws CancellationException when {@code cancelled} answered true before the end
     */
    public static LikelihoodReport run(DecoderWeights weights, float[] images, Encoding encoding,
            EvaluationSettings settings, BooleanSupplier cancelled) {
        int count = encoding.count();
        if ((long) count * weights.outputSize() > images.length) {
            throw new IllegalArgumentException(count + " posteriors but only " + images.length / weights.outputSize()
                    + " images");
        }
        boolean quadrature = settings.quadrature() != null;
        if (quadrature && weights.latentSize() != 2) {
            throw new IllegalArgumentException("quadrature needs a 2-D latent space, this model's has "
                    + weights.latentSize() + " dimensions");
        }
        ImportanceEstimate[] importance = new ImportanceEstimate[count];
        long start = System.nanoTime();
        inParallel(weights, count, settings.threads(), cancelled, (estimator, from, to, stop) -> {
            List<ImportanceEstimate> block = estimator.importanceSampling(images, encoding, from, to,
                    settings.samples(), settings.seed(), stop);
            for (int i = from; i < to; i++) {
                importance[i] = block.get(i - from);
            }
        });
        long importanceNanos = System.nanoTime() - start;
        if (!quadrature) {
            return new LikelihoodReport(settings, weights.outputSize(), List.of(importance), null,
                    new LikelihoodReport.Timings(importanceNanos, 0));
        }
        PosteriorGrid.Summary[] grids = new PosteriorGrid.Summary[count];
        start = System.nanoTime();
        inParallel(weights, count, settings.threads(), cancelled, (estimator, from, to, stop) -> {
            List<PosteriorGrid> block = estimator.posteriors(images, encoding, from, to, settings.quadrature(), stop);
            for (int i = from; i < to; i++) {
                grids[i] = block.get(i - from).summary();
            }
        });
        return new LikelihoodReport(settings, weights.outputSize(), List.of(importance), List.of(grids),
                new LikelihoodReport.Timings(importanceNanos, System.nanoTime() - start));
    }

    /** One thread's share of a pass: images {@code from} to {@code to}, with that thread's estimator. */
    private interface Block {
        void run(LikelihoodEstimator estimator, int from, int to, BooleanSupplier stop);
    }

    /**
     * Runs {@code block} over all the images in blocks of {@link #BLOCK}, on the calling thread and
     * {@code threads − 1} more, each with its own estimator; rethrows the first failure.
     */
    private static void inParallel(DecoderWeights weights, int count, int threads, BooleanSupplier cancelled,
            Block block) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        BooleanSupplier stop = () -> failure.get() != null || cancelled.getAsBoolean();
        Runnable work = () -> {
            try {
                LikelihoodEstimator estimator = new LikelihoodEstimator(weights);
                for (int from = next.getAndAdd(BLOCK); from < count; from = next.getAndAdd(BLOCK)) {
                    block.run(estimator, from, Math.min(count, from + BLOCK), stop);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(work, "latent-lab-likelihood-" + t);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        work.run();
        for (Thread helper : helpers) {
            joinUninterruptibly(helper);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("a newer request replaced this one");
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
