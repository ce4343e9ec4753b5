package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.data.Dataset;
import org.latentlab.data.DatasetSplit;
import org.latentlab.data.FacePainter;
import org.latentlab.data.MouthCurvature;
import org.latentlab.data.SyntheticFaces;
import org.latentlab.latent.AttributeVector;
import org.latentlab.latent.Contrast;
import org.latentlab.latent.LatentPoints;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;

/**
 * The smile-vector demonstration end to end: a small VAE trained briefly on synthetic faces learns a
 * direction that, added to a neutral face, curves the decoded mouth upwards as the pixels measure it.
 *
 * <p>8 latent dimensions and a Gaussian decoder with σ = 0.1: a Bernoulli decoder on these gray faces
 * encodes width, tilt, hair and brightness first and reaches the mouth only after about 8 epochs
 * (docs/decisions/0030). 8 epochs of 9,600 faces: about 4 s.
 */
class SmileVectorTest {

    private static final long SEED = 11;
    private static final int LATENT = 8;
    private static final int EPOCHS = 8;
    private static final double[] STEPS = {-1, -0.5, 0, 0.5, 1};
    private static final int NEUTRAL_FACES = 10;

    private static TrainingSession session;
    private static Dataset held;
    private static LatentPoints latents;
    private static AttributeVector smile;

    @BeforeAll
    static void trainBriefly() {
        DatasetSplit split = DatasetSplit.of(SyntheticFaces.generate(12_000, SEED), 0.2, SEED);
        ModelConfig config = new ModelConfig(ModelKind.VAE, FacePainter.SIZE, FacePainter.SIZE, List.of(256), LATENT,
                Activation.RELU, Likelihood.GAUSSIAN, 0.1, SEED);
        session = new TrainingSession(split.train(), split.validation(), config, TrainingConfig.defaults(EPOCHS, SEED));
        for (int e = 0; e < EPOCHS; e++) {
            session.runEpoch();
        }
        held = split.validation();
        ProbeSet probe = session.encodeProbe();
        latents = new LatentPoints(probe.encoding().means(), probe.size(), LATENT);
        smile = AttributeVector.compute(latents, Contrast.thirds("smile", held.attributes().column("smile")), SEED);
    }

    @Test
    void theSmileVectorSeparatesHeldOutGrinsFromFrowns() {
        assertEquals(held.size(), latents.count());
        assertTrue(smile.heldOutAuc() > 0.98, smile.toString());
    }

    @Test
    void movingNeutralFacesAlongTheSmileVectorCurvesTheirDecodedMouthsUpwards() {
        List<Integer> neutral = new ArrayList<>();
        for (int i = 0; i < held.size() && neutral.size() < NEUTRAL_FACES; i++) {
            if (Math.abs(held.attributes().value("smile", i)) < 0.1) {
                neutral.add(i);
            }
        }
        assertEquals(NEUTRAL_FACES, neutral.size());
        double[] mean = new double[STEPS.length];
        for (int face : neutral) {
            double[] curvature = curvatureAlongSmile(latents.point(face));
            for (int s = 1; s < STEPS.length; s++) {
                assertTrue(curvature[s] > curvature[s - 1], "face " + face + ": " + Arrays.toString(curvature));
            }
            assertTrue(curvature[STEPS.length - 1] - curvature[0] > 2,
                    "face " + face + " should gain over 2 px of corner lift: " + Arrays.toString(curvature));
            for (int s = 0; s < STEPS.length; s++) {
                mean[s] += curvature[s] / neutral.size();
            }
        }
        for (int s = 1; s < STEPS.length; s++) {
            assertTrue(mean[s] - mean[s - 1] > 0.3, "mean corner lift per half step: " + Arrays.toString(mean));
        }
        assertTrue(mean[0] < -1 && mean[STEPS.length - 1] > 1, "a frown at −1, a grin at +1: " + Arrays.toString(mean));
    }

    /** The measured mouth curvature of the decoded image at each of {@link #STEPS} along the smile vector. */
    private static double[] curvatureAlongSmile(float[] z) {
        float[] moved = new float[STEPS.length * LATENT];
        for (int s = 0; s < STEPS.length; s++) {
            System.arraycopy(smile.moved(z, STEPS[s]), 0, moved, s * LATENT, LATENT);
        }
        float[] decoded = session.model().decode(moved, STEPS.length);
        double[] curvature = new double[STEPS.length];
        for (int s = 0; s < STEPS.length; s++) {
            curvature[s] = MouthCurvature.measure(decoded, s * FacePainter.SIZE * FacePainter.SIZE);
        }
        return curvature;
    }
}
