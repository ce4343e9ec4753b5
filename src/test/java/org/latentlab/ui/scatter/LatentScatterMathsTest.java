package org.latentlab.ui.scatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latentlab.latent.LatentPlane;
import org.latentlab.latent.LatentPoints;
import org.latentlab.model.Encoding;
import org.latentlab.training.DecodeService;
import org.latentlab.training.IterationHistory;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TrainerState;
import org.latentlab.training.TrainingSnapshot;

class LatentScatterMathsTest {

    @Test
    void ellipseOfADiagonalPosteriorHasTheStandardDeviationsAsSemiAxes() {
        PosteriorEllipse ellipse = new PosteriorEllipse(0, 0, 4, 1, 0);
        double[] axes = ellipse.principalAxes();
        assertEquals(2, axes[0], 1e-12);
        assertEquals(1, axes[1], 1e-12);
        assertEquals(0, axes[2], 1e-12);
    }

    @Test
    void ellipseOfACorrelatedPosteriorLiesAlongTheDiagonal() {
        // Σ = R diag(9, 1) Rᵀ with R a rotation by 45°: variances 5 and 5, covariance 4.
        double[] axes = new PosteriorEllipse(0, 0, 5, 5, 4).principalAxes();
        assertEquals(3, axes[0], 1e-12);
        assertEquals(1, axes[1], 1e-12);
        assertEquals(Math.PI / 4, axes[2], 1e-12);
    }

    @Test
    void twoDimensionalLatentsAreShownAsTheyAreWithTheirOwnEllipse() {
        float[] means = {1, 2, -3, 0.5f};
        float[] logVariances = {(float) Math.log(0.25), (float) Math.log(0.04), 0, 0};
        ProbeSet probe = probe(new Encoding(means, logVariances, 2, 2));
        ScatterPoints plane = ScatterProjection.of(probe, null);
        assertTrue(plane.isRawLatentPlane());
        assertEquals(-3, plane.xs()[1]);
        assertEquals(0.5f, plane.ys()[1]);
        PosteriorEllipse ellipse = LatentScatterViewModel.ellipseOf(plane,
                new double[] {plane.xs()[0], plane.ys()[0]}, probe.encoding().logVariances(), 0);
        assertEquals(0.25, ellipse.varianceX(), 1e-6);
        assertEquals(0.04, ellipse.varianceY(), 1e-6);
        assertEquals(0, ellipse.covariance(), 1e-12);
    }

    @Test
    void higherDimensionalLatentsAreProjectedOntoTheirPrincipalPlane() {
        // 8-D means that vary along e₁ (σ = 3) and e₅ (σ = 2) only, plus a little noise elsewhere.
        int n = 500;
        int d = 8;
        float[] means = new float[n * d];
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                means[i * d + j] = (float) (0.01 * (random.nextDouble() - 0.5));
            }
            means[i * d] += (float) (3 * gaussian(random));
            means[i * d + 4] += (float) (2 * gaussian(random));
        }
        ProbeSet probe = probe(new Encoding(means, null, n, d));
        ScatterPoints plane = ScatterProjection.of(probe, null);
        assertEquals("PC 1 of z", plane.xTitle());
        assertTrue(plane.note().contains("8-D latent space seen on the plane of the means' two principal components"),
                plane.note());
        assertTrue(plane.note().contains("holds 100 %"), plane.note());
        assertEquals(1, Math.abs(plane.plane().direction(0)[0]), 1e-3, "PC 1 is e₁");
        assertEquals(1, Math.abs(plane.plane().direction(1)[4]), 1e-3, "PC 2 is e₅");
        // A refit of the same points keeps the axes' directions, whatever sign the fit finds.
        ScatterPoints again = ScatterProjection.of(probe, plane);
        assertEquals(plane.xs()[7], again.xs()[7], 1e-5);
        assertEquals(plane.ys()[7], again.ys()[7], 1e-5);
    }

    @Test
    void anOverlayPathLiesOnThePlaneWhereItsPointsWouldBeDrawn() {
        int n = 300;
        int d = 4;
        float[] means = spreadMeans(n, d);
        ProbeSet probe = probe(new Encoding(means, null, n, d));
        ScatterPoints plane = ScatterProjection.of(probe, null);
        float[] two = java.util.Arrays.copyOfRange(means, 5 * d, 7 * d);
        ScatterOverlay.Path path = new ScatterOverlay.Path(new LatentPoints(two, 2, d), ScatterOverlay.Style.LINEAR);
        double[][] xy = path.on(plane);
        assertEquals(plane.xs()[5], xy[0][0], 1e-5);
        assertEquals(plane.ys()[6], xy[1][1], 1e-5);
    }

    @Test
    void theOverlaysPosteriorIsAnEllipseLikeTheSelections() {
        float[] means = {1, 2, -3, 0.5f};
        float[] logVariances = {(float) Math.log(0.25), (float) Math.log(0.04), 0, 0};
        ProbeSet probe = probe(new Encoding(means, logVariances, 2, 2));
        LatentScatterViewModel viewModel = new LatentScatterViewModel(null, Runnable::run);
        viewModel.update(new TrainingSnapshot(TrainerState.READY, null, null, 0, 0, 0, 1, 1e-3, 0,
                new IterationHistory().view(), List.of(), probe, new double[2], 2, null));
        assertNull(viewModel.overlayEllipseProperty().get());
        viewModel.overlayProperty().set(new ScatterOverlay(List.of(),
                new ScatterOverlay.Posterior(new float[] {1, 2}, new float[] {(float) Math.log(0.25), (float) Math.log(0.04)})));
        PosteriorEllipse ellipse = viewModel.overlayEllipseProperty().get();
        assertEquals(1, ellipse.x(), 1e-6);
        assertEquals(2, ellipse.y(), 1e-6);
        assertEquals(0.25, ellipse.varianceX(), 1e-6);
        assertEquals(0.04, ellipse.varianceY(), 1e-6);
        viewModel.overlayProperty().set(ScatterOverlay.NONE);
        assertNull(viewModel.overlayEllipseProperty().get());
    }

    @Test
    void fittedViewAlwaysShowsThePriorAndReachesEveryPoint() {
        ScatterPoints near = points(new float[] {0.5f, -1}, new float[] {0.2f, 1});
        assertEquals(3.2, LatentScatterViewModel.fittedViewport(near).halfSpan(), 1e-12);
        ScatterPoints far = points(new float[] {-13, 2}, new float[] {0, 1});
        Viewport view = LatentScatterViewModel.fittedViewport(far);
        assertTrue(view.halfSpan() >= 13 && view.halfSpan() <= 16, "half-span " + view.halfSpan());
        assertEquals(0, view.centreX());
    }

    @Test
    void zoomingKeepsThePointUnderTheCursorInPlace() {
        Viewport view = new Viewport(0, 0, 4);
        Viewport zoomed = view.zoomedAbout(2, 2, -1);
        assertEquals(2, zoomed.halfSpan(), 1e-12);
        double before = (2 - view.xMin()) / (2 * view.halfSpan());
        double after = (2 - zoomed.xMin()) / (2 * zoomed.halfSpan());
        assertEquals(before, after, 1e-12);
    }

    private static ScatterPoints points(float[] xs, float[] ys) {
        return new ScatterPoints(xs, ys, new int[xs.length], List.of("a"), LatentPlane.firstTwoAxes(2), "");
    }

    private static ProbeSet probe(Encoding encoding) {
        int n = encoding.count();
        return new ProbeSet(encoding, new float[n * 4], 2, 2, new int[n], List.of("all"));
    }

    /** {@code n} means of {@code d} dimensions whose coordinate j has standard deviation j + 1. */
    private static float[] spreadMeans(int n, int d) {
        float[] means = new float[n * d];
        java.util.SplittableRandom random = new java.util.SplittableRandom(8);
        for (int i = 0; i < means.length; i++) {
            means[i] = (float) ((i % d + 1) * gaussian(random));
        }
        return means;
    }

    private static double gaussian(java.util.SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void aPlaneWhosePcaDidNotConvergeSaysSo() {
        int d = 30;
        int n = 2 * d;
        float[] means = new float[n * d];
        for (int j = 0; j < d; j++) {
            float s = (float) Math.sqrt(1 + 1e-4 * (d - j));
            means[(2 * j) * d + j] = s;
            means[(2 * j + 1) * d + j] = -s;
        }
        ScatterPoints plane = ScatterProjection.of(probe(new Encoding(means, null, n, d)), null);
        assertFalse(plane.plane().converged());
        assertTrue(plane.note().endsWith("The PCA did not converge: this may not be the plane of the two largest spreads"),
                plane.note());
    }

    @Test
    void thePrincipalPlaneIsFittedOnTheWorkerNotInTheFrame() {
        int n = 300;
        int d = 4;
        float[] means = spreadMeans(n, d);
        ProbeSet probe = probe(new Encoding(means, null, n, d));
        List<Runnable> worker = new ArrayList<>();
        DecodeService decodes = new DecodeService();
        LatentScatterViewModel viewModel = new LatentScatterViewModel(decodes.channel(), worker::add);
        viewModel.update(snapshot(probe));
        assertNull(viewModel.pointsProperty().get(), "no PCA on the calling thread");
        viewModel.update(snapshot(probe));
        assertEquals(1, worker.size(), "the second request replaced the first, which had not started");
        viewModel.pulse();
        assertNull(viewModel.pointsProperty().get());
        worker.remove(0).run();
        viewModel.pulse();
        assertEquals("PC 1 of z", viewModel.pointsProperty().get().xTitle());
        assertEquals(n, viewModel.pointsProperty().get().size());

        float[] flat = {1, 2, -3, 0.5f};
        viewModel.update(snapshot(probe(new Encoding(flat, null, 2, 2))));
        assertEquals("z₁", viewModel.pointsProperty().get().xTitle(), "two dimensions need no PCA: at once");
        assertTrue(worker.isEmpty());
        decodes.close();
    }

    private static TrainingSnapshot snapshot(ProbeSet probe) {
        return new TrainingSnapshot(TrainerState.READY, null, null, 0, 0, 0, 1, 1e-3, 0,
                new IterationHistory().view(), List.of(), probe, new double[probe.encoding().latentSize()], 2, null);
    }
}
