package org.latentlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;
import org.latentlab.likelihood.ImportanceEstimate;
import org.latentlab.likelihood.LikelihoodReport;
import org.latentlab.likelihood.QuadratureRule;
import org.latentlab.model.DecoderStd;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;

/**
 * What {@code evaluate} prints about a {@link LikelihoodReport}: a table for a person whose first
 * line says which estimate each number is, one JSON object for a program, or a CSV of every image.
 */
record LikelihoodSummary(LikelihoodReport report, ScoredImages scored, ModelConfig model, DecoderStd std, String run) {

    /** The table, in nats per image and bits per dimension, and what the numbers are of. */
    void printTable(PrintWriter out) {
        int k = report.settings().samples();
        boolean quadrature = report.hasQuadrature();
        out.printf(Locale.ROOT, "Means per image over %,d %s images: -ELBO estimated from K = %,d samples of q(z|x)"
                        + " per image (+/- its Monte Carlo standard error); -log p(x) by importance sampling with the"
                        + " same samples (IWAE)%s; gap = -ELBO - (-log p(x) by %s)%s.%n",
                report.images(), scored.heldOut() ? "held-out" : "scored", k,
                quadrature ? " and by quadrature on a grid over the 2-D latent space" : "",
                quadrature ? "quadrature" : "IWAE",
                quadrature ? " = KL(q(z|x) || p(z|x))" : ", a lower bound on KL(q(z|x) || p(z|x))");
        String condition = ModelLikelihood.conditionNote(model);
        if (!condition.isEmpty()) {
            out.println("This is " + condition + ".");
        }
        out.printf(Locale.ROOT, "%-32s %18s %14s%n", "", "nats per image", "bits per dim");
        row(out, "-ELBO", report.negativeElbo(), report.negativeElboStandardError());
        out.printf(Locale.ROOT, "%-32s %10.3f%n", "  reconstruction -log p(x|z)", report.negativeElbo() - report.kl());
        out.printf(Locale.ROOT, "%-32s %10.3f%n", "  KL(q(z|x) || p(z))", report.kl());
        row(out, String.format(Locale.ROOT, "-log p(x), IWAE K = %,d", k), report.negativeLogMarginalIwae(),
                report.negativeLogMarginalIwaeStandardError());
        if (quadrature) {
            row(out, "-log p(x), quadrature", report.negativeLogMarginalQuadrature(), Double.NaN);
        }
        row(out, "gap", report.gap(), Double.NaN);
        out.printf(Locale.ROOT, "images: %s; the noise for image i comes from SplittableRandom(%d + i)%n",
                scored.description(), report.settings().seed());
        out.println("pixels: " + decoderNote());
        if (quadrature) {
            QuadratureRule rule = report.settings().quadrature();
            out.printf(Locale.ROOT, "quadrature: grids of %d x %d cells or more around each q(z|x), moved until at most"
                            + " %.1f%% of the posterior lies in the outer band (largest: %.2f%%), the posterior's sd"
                            + " spanning at least %.1f cells (fewest: %.1f), and over any other region a coarse scan"
                            + " of [-6, 6]^2 finds%n",
                    rule.cells(), rule.cells(), 100 * rule.edgeMassLimit(), 100 * report.largestEdgeMass(),
                    rule.minCellsPerStd(), report.smallestCellsPerStd());
        }
        LikelihoodReport.Timings t = report.timings();
        out.printf(Locale.ROOT, "took %.1f s (%.1f s of CPU) for importance sampling%s on %d thread%s%n",
                t.importanceNanos() / 1e9, t.importanceCpuNanos() / 1e9,
                quadrature ? String.format(Locale.ROOT, " and %.1f s (%.1f s of CPU) for quadrature",
                        t.quadratureNanos() / 1e9, t.quadratureCpuNanos() / 1e9) : "",
                report.settings().threads(), report.settings().threads() == 1 ? "" : "s");
    }

    private void row(PrintWriter out, String label, double nats, double standardError) {
        String value = Double.isNaN(standardError)
                ? String.format(Locale.ROOT, "%10.3f        ", nats)
                : String.format(Locale.ROOT, "%10.3f +/- %.3f", nats, standardError);
        out.printf(Locale.ROOT, "%-32s %-18s %12.5f%n", label, value, bits(nats));
    }

    private String decoderNote() {
        String perDimension = String.format(Locale.ROOT, "bits per dim = nats / (%d * ln 2)", report.pixels());
        if (model.likelihood() == Likelihood.BERNOULLI) {
            return "Bernoulli decoder on grey levels in [0, 1]: log p(x|z) is minus the binary cross-entropy, a"
                    + " log-probability only for black-and-white pixels, so compare these numbers between models with"
                    + " this decoder on the same images; " + perDimension;
        }
        return String.format(Locale.ROOT, "Gaussian decoder with %s over pixel values in [0, 1]: p(x|z) is a"
                        + " density, which can exceed 1, so -log p(x) can be negative; these are not bits of 8-bit pixels; %s",
                ModelLikelihood.describeStd(model, std), perDimension);
    }

    /** The numbers as one JSON object; each key's meaning is in the README's evaluate section. */
    String json() {
        boolean quadrature = report.hasQuadrature();
        JsonObject json = new JsonObject()
                .put("run", run)
                .put("dataset", scored.datasetSpec())
                .put("split", scored.heldOut() ? "held-out" : "all")
                .put("images", report.images())
                .put("pixels", report.pixels())
                .put("latent", model.latentSize())
                .put("model", model.kind().cliName())
                .put("decoder", model.likelihood().cliName());
        if (model.conditional()) {
            json.put("scored", "p(x|y), each image with its own label");
        }
        if (model.likelihood() == Likelihood.GAUSSIAN) {
            json.put("decoder_variance", model.decoderVariance().cliName()).put("decoder_std", std.mean());
            if (!std.isShared()) {
                json.put("decoder_std_min", std.min()).put("decoder_std_max", std.max());
            }
        }
        json.put("seed", report.settings().seed())
                .put("elbo_samples", report.settings().samples())
                .put("iwae_samples", report.settings().samples())
                .put("negative_elbo", report.negativeElbo())
                .put("negative_elbo_stderr", report.negativeElboStandardError())
                .put("reconstruction", report.negativeElbo() - report.kl())
                .put("kl", report.kl())
                .put("nll_iwae", report.negativeLogMarginalIwae())
                .put("nll_iwae_stderr", report.negativeLogMarginalIwaeStandardError());
        if (quadrature) {
            json.put("nll_quadrature", report.negativeLogMarginalQuadrature());
        }
        json.put("gap", report.gap()).put("gap_against", quadrature ? "quadrature" : "iwae");
        JsonObject bits = new JsonObject()
                .put("negative_elbo", bits(report.negativeElbo()))
                .put("nll_iwae", bits(report.negativeLogMarginalIwae()));
        if (quadrature) {
            bits.put("nll_quadrature", bits(report.negativeLogMarginalQuadrature()));
        }
        json.put("bits_per_dim", bits.put("gap", bits(report.gap())));
        if (quadrature) {
            json.put("quadrature_edge_mass_max", report.largestEdgeMass())
                    .put("quadrature_cells_per_std_min", report.smallestCellsPerStd());
        }
        return json.put("seconds_importance", report.timings().importanceNanos() / 1e9)
                .put("seconds_quadrature", report.timings().quadratureNanos() / 1e9)
                .put("cpu_seconds_importance", report.timings().importanceCpuNanos() / 1e9)
                .put("cpu_seconds_quadrature", report.timings().quadratureCpuNanos() / 1e9)
                .toString();
    }

    /** One line per image: where it is in its dataset, and every number about it. */
    void writeCsv(Writer out) throws IOException {
        out.write("position,dataset_index,label,negative_elbo,kl,reconstruction_variance,nll_iwae,"
                + "effective_sample_size,nll_quadrature,gap\n");
        for (int i = 0; i < report.images(); i++) {
            ImportanceEstimate estimate = report.importance(i);
            out.write(String.format(Locale.ROOT, "%d,%d,%d,%s,%s,%s,%s,%s,%s,%s%n", i, scored.indices()[i],
                    scored.images().hasLabels() ? scored.images().label(i) : -1,
                    number(estimate.negativeElbo()), number(estimate.kl()), number(estimate.reconstructionVariance()),
                    number(estimate.negativeLogMarginal()), number(estimate.effectiveSampleSize()),
                    number(report.quadrature(i)), number(report.gap(i))));
        }
    }

    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }

    private double bits(double nats) {
        return LikelihoodReport.bitsPerDimension(nats, report.pixels());
    }
}
