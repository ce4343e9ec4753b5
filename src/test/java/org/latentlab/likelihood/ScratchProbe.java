package org.latentlab.likelihood;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.latentlab.data.*;
import org.latentlab.model.*;
import org.latentlab.training.*;

class ScratchProbe {
    static String env(String k, String d) { String v = System.getenv(k); return v == null ? d : v; }
    @Test
    void probe() {
        String dir = env("RUN", "/tmp/lik-run");
        SavedRun run = RunFile.load(Path.of(dir, "model.latentlab"));
        DenseAutoencoder model = new DenseAutoencoder(run.modelConfig());
        model.restore(run.state());
        Dataset data = DatasetSource.parse(run.datasetSpec()).load();
        Dataset held = DatasetSplit.of(data, 0.1, run.trainingConfig().seed()).validation();
        int n = Integer.parseInt(env("N", "1000"));
        float[] px = held.pixels(n);
        Encoding enc = model.encode(px, n);
        DecoderWeights w = model.decoderWeights();
        int k = Integer.parseInt(env("K", "1000"));
        int threads = Integer.parseInt(env("THREADS", "2"));
        String mode = env("MODE", "eval");
        if (mode.equals("eval")) {
            for (int rep = 0; rep < 2; rep++) {
                LikelihoodReport r = LikelihoodEvaluation.run(w, px, enc, new EvaluationSettings(k, 1, QuadratureRule.STANDARD, threads), () -> false);
                System.out.printf(Locale.ROOT, "elbo %.3f ± %.4f iwae %.3f ± %.4f quad %.3f gap %.3f kl %.3f edge %.2e res %.2e  t_is %.2f s t_q %.2f s%n",
                    r.negativeElbo(), r.negativeElboStandardError(), r.negativeLogMarginalIwae(), r.negativeLogMarginalIwaeStandardError(),
                    r.negativeLogMarginalQuadrature(), r.gap(), r.kl(), r.largestEdgeMass(), r.smallestCellsPerStd(),
                    r.timings().importanceNanos() / 1e9, r.timings().quadratureNanos() / 1e9);
            }
        } else if (mode.equals("stats")) {
            LikelihoodEstimator est = new LikelihoodEstimator(w);
            double hw = Double.parseDouble(env("HW", "6")); int cells = Integer.parseInt(env("CELLS", "48"));
            QuadratureRule rule = new QuadratureRule(cells, hw, 1e-3, Double.parseDouble(env("CPS", "3")), 6);
            java.util.Map<String, Integer> hist = new java.util.TreeMap<>();
            long t0 = System.nanoTime(); double sum = 0;
            for (int i = 0; i < n; i++) {
                float[] mu = {enc.means()[2*i], enc.means()[2*i+1]};
                float[] lv = {enc.logVariances()[2*i], enc.logVariances()[2*i+1]};
                PosteriorGrid g = est.posterior(held.image(i), mu, lv, rule);
                sum += g.negativeLogMarginal();
                double w1 = g.step1() * g.cells() / 2 / Math.exp(0.5 * lv[0]), w2 = g.step2() * g.cells() / 2 / Math.exp(0.5 * lv[1]);
                String key = String.format(Locale.ROOT, "cells %d widen %.0f/%.0f", g.cells(), Math.log(w1 / hw) / Math.log(2), Math.log(w2 / hw) / Math.log(2));
                hist.merge(key, 1, Integer::sum);
                if (g.edgeMass() > 1e-3 || g.cellsPerStd() < rule.minCellsPerStd()) System.out.printf(Locale.ROOT, "image %d edge %.2e cps %.2f cells %d widths %.1f %.1f sd_q %.3f %.3f%n", i, g.edgeMass(), g.cellsPerStd(), g.cells(), w1, w2, Math.exp(0.5*lv[0]), Math.exp(0.5*lv[1]));
            }
            System.out.printf(Locale.ROOT, "mean %.4f  %.1f s  %s%n", sum / n, (System.nanoTime() - t0) / 1e9, hist);
        } else if (mode.equals("narrow")) {
            LikelihoodEstimator est = new LikelihoodEstimator(w);
            int bad = 0;
            for (int i = 0; i < n; i++) {
                float[] mu = {enc.means()[2*i], enc.means()[2*i+1]};
                float[] lv = {enc.logVariances()[2*i], enc.logVariances()[2*i+1]};
                PosteriorGrid g = est.posterior(held.image(i), mu, lv, QuadratureRule.STANDARD);
                if (g.cellsPerStd() >= 1.5 && g.edgeMass() <= 1e-3) continue;
                bad++;
                double[] pm = g.posteriorMean(), ps = g.posteriorStd();
                double h = 8 * Math.max(ps[0], ps[1]);
                PosteriorGrid fine = est.posteriorOn(held.image(i), pm, new double[]{8 * ps[0], 8 * ps[1]}, 400);
                System.out.printf(Locale.ROOT, "%d cps %.2f edge %.1e cells %d step %.4f %.4f psd %.4f %.4f qsd %.4f %.4f | std %.4f fine %.4f (cps %.1f edge %.1e)%n",
                    i, g.cellsPerStd(), g.edgeMass(), g.cells(), g.step1(), g.step2(), ps[0], ps[1], Math.exp(0.5*lv[0]), Math.exp(0.5*lv[1]),
                    g.negativeLogMarginal(), fine.negativeLogMarginal(), fine.cellsPerStd(), fine.edgeMass());
            }
            System.out.println("bad " + bad);
        } else if (mode.equals("gaps")) {
            LikelihoodReport r = LikelihoodEvaluation.run(w, px, enc, new EvaluationSettings(100, 1, QuadratureRule.STANDARD, threads), () -> false);
            LikelihoodEstimator est = new LikelihoodEstimator(w);
            QuadratureRule wide = new QuadratureRule(600, 6, 0.5, 0, 0);
            for (int i = 0; i < n; i++) {
                if (r.gap(i) < 10) continue;
                PosteriorGrid b = est.posterior(held.image(i), new float[]{0, 0}, new float[]{0, 0}, wide);
                System.out.printf(Locale.ROOT, "%d gap %.2f elbo %.2f quad %.4f brute %.4f%n", i, r.gap(i), r.importance(i).negativeElbo(), r.quadrature(i), b.negativeLogMarginal());
            }
        } else if (mode.equals("brute")) {
            LikelihoodEstimator est = new LikelihoodEstimator(w);
            QuadratureRule wide = new QuadratureRule(Integer.parseInt(env("CELLS", "600")), 6, 0.5, 0, 0);
            double sumB = 0, sumL = 0, sumI = 0;
            for (int i = 0; i < n; i++) {
                float[] mu = {enc.means()[2*i], enc.means()[2*i+1]};
                float[] lv = {enc.logVariances()[2*i], enc.logVariances()[2*i+1]};
                PosteriorGrid b = est.posterior(held.image(i), new float[]{0, 0}, new float[]{0, 0}, wide);
                PosteriorGrid l = est.posterior(held.image(i), mu, lv, QuadratureRule.STANDARD);
                ImportanceEstimate ie = est.importanceSampling(px, enc, i, i + 1, 5000, 1, () -> false).get(0);
                double[] pm = b.posteriorMean();
                sumB += b.negativeLogMarginal(); sumL += l.negativeLogMarginal(); sumI += ie.negativeLogMarginal();
                System.out.printf(Locale.ROOT, "%3d brute %.4f local %.4f (cells %d, step %.4f) iwae5000 %.4f ess %.1f elbo %.3f sigma %.3f %.3f mu %.2f %.2f pmean %.2f %.2f%n",
                    i, b.negativeLogMarginal(), l.negativeLogMarginal(), l.cells(), l.step1(), ie.negativeLogMarginal(), ie.effectiveSampleSize(), ie.negativeElbo(),
                    Math.exp(0.5*lv[0]), Math.exp(0.5*lv[1]), mu[0], mu[1], pm[0], pm[1]);
            }
            System.out.printf(Locale.ROOT, "means brute %.4f local %.4f iwae %.4f%n", sumB/n, sumL/n, sumI/n);
        } else {
            LikelihoodEstimator est = new LikelihoodEstimator(w);
            int[] cellsList = {16, 24, 32, 48, 64, 128};
            double[] hw = {3, 4, 6, 8};
            for (double h : hw) for (int c : cellsList) {
                QuadratureRule rule = new QuadratureRule(c, h, 1e-3, 0, mode.equals("nowiden") ? 0 : 6);
                double sum = 0; double maxEdge = 0; long t0 = System.nanoTime(); int refined = 0;
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    PosteriorGrid g = est.posterior(held.image(i), new float[]{enc.means()[2*i], enc.means()[2*i+1]},
                        new float[]{enc.logVariances()[2*i], enc.logVariances()[2*i+1]}, rule);
                    v[i] = g.negativeLogMarginal(); sum += v[i]; maxEdge = Math.max(maxEdge, g.edgeMass());
                }
                System.out.printf(Locale.ROOT, "h %.0f cells %d: mean %.4f maxEdge %.2e  %.2f s  v0..3 %.4f %.4f %.4f %.4f%n", h, c, sum / n, maxEdge, (System.nanoTime()-t0)/1e9, v[0], v[1], v[2], v[3]);
            }
        }
    }
}
