package org.latentlab.ui.debiasing;

import java.util.List;
import java.util.Objects;
import org.latentlab.data.RareGroup;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelKind;
import org.latentlab.training.ComparisonPreset;
import org.latentlab.ui.compare.CompareSetup;
import org.latentlab.ui.explorer.ExplorerSetup;

/**
 * What the Debiasing tab trains: the synthetic faces with a planted rare group of a chosen share,
 * and two VAEs on them in lockstep, one drawing its minibatches with debiasing of strength α. The
 * network is the one note 0083 measured (8-D latent, Gaussian decoder with σ = 0.1, batch 128,
 * Adam 10⁻³). Immutable.
 *
 * @param group which faces are made rare
 * @param share the group's share of the faces, in (0, 1)
 * @param alpha the debiasing strength α &gt; 0
 * @param seed  seeds the faces' split, both models' first weights and the draws
 */
public record DebiasingSetup(RareFaces group, double share, double alpha, long seed) {

    /** The strengths the tab offers. */
    public static final List<Double> ALPHAS = List.of(0.5, 1.0, 2.0);
    /** The rare group's shares the tab offers. */
    public static final List<Double> SHARES = List.of(0.02, 0.05, 0.10);
    private static final int LATENT_SIZE = 8;
    private static final int BATCH_SIZE = 128;
    private static final double LEARNING_RATE = 1e-3;

    /** The groups the tab can plant: the one the latent space finds, and the issue's example, which it does not. */
    public enum RareFaces {
        /** The brightest faces: at the edge of the codes (note 0083). */
        BRIGHT("bright faces", "brightness>0.7"),
        /** The darkest faces: near the origin, where the codes are densest (note 0083). */
        DARK("dark faces", "brightness<0.3");

        private final String label;
        private final String condition;

        RareFaces(String label, String condition) {
            this.label = label;
            this.condition = condition;
        }

        /** How the tab names it: "bright faces". */
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public DebiasingSetup {
        Objects.requireNonNull(group, "group");
        if (!(alpha > 0) || !Double.isFinite(alpha)) {
            throw new IllegalArgumentException("debiasing needs α > 0, got " + alpha + ": α = 0 is the plain VAE"
                    + " it is compared with");
        }
        rareGroup(group, share); // rejects a share outside (0, 1)
    }

    /** Bright faces as 5 % of the set, α = 1, seed 1: the case note 0083 measured first. */
    public static DebiasingSetup defaults() {
        return new DebiasingSetup(RareFaces.BRIGHT, 0.05, 1, 1);
    }

    private static RareGroup rareGroup(RareFaces group, double share) {
        return RareGroup.parse(group.condition + "@" + number(share));
    }

    /** The planted group. */
    public RareGroup rareGroup() {
        return rareGroup(group, share);
    }

    /** The dataset as {@code --dataset} names it: {@code faces:rare=brightness>0.7@0.05}. */
    public String datasetSpec() {
        return "faces:rare=" + rareGroup().spec();
    }

    /** The two models as a comparison: the plain VAE first, then the debiased one. */
    public CompareSetup compareSetup() {
        ExplorerSetup source = new ExplorerSetup(datasetSpec(), ModelKind.VAE, LATENT_SIZE, BATCH_SIZE, seed, 1,
                ExplorerSetup.Schedule.CONSTANT, LEARNING_RATE, Likelihood.GAUSSIAN);
        return new CompareSetup(source, ComparisonPreset.debiasing("debias:" + number(alpha), alpha), LEARNING_RATE);
    }

    public DebiasingSetup withGroup(RareFaces newGroup) {
        return new DebiasingSetup(newGroup, share, alpha, seed);
    }

    public DebiasingSetup withShare(double newShare) {
        return new DebiasingSetup(group, newShare, alpha, seed);
    }

    public DebiasingSetup withAlpha(double newAlpha) {
        return new DebiasingSetup(group, share, newAlpha, seed);
    }

    /** A share as the tab shows it: "5 %". */
    public static String percent(double share) {
        return number(Math.round(share * 1000) / 10.0) + " %";
    }

    /** 1, 0.5, 2.5: as people write them. */
    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
