package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MouthCurvatureTest {

    @Test
    void readsTheTrueSmileBackFromTheDrawnFaces() {
        Dataset faces = SyntheticFaces.generate(2_000, 21);
        double[] smile = faces.attributes().column("smile");
        double[] curvature = MouthCurvature.of(faces);

        double r = SyntheticFacesTest.correlation(smile, curvature);
        double slope = slope(smile, curvature);

        assertTrue(r > 0.99, "correlation with the true smile " + r);
        // A drawn smile s lifts the corners s · MOUTH_LIFT = 3 s px; the fit reads about 2.65 s.
        assertEquals(FacePainter.MOUTH_LIFT, slope, 0.5, "corner lift per unit of smile");
    }

    @Test
    void isBlindToTheOtherFactors() {
        Dataset faces = SyntheticFaces.generate(2_000, 21);
        double[] curvature = MouthCurvature.of(faces);
        for (String other : List.of("eyes", "width", "tilt", "hair", "brightness")) {
            double r = SyntheticFacesTest.correlation(faces.attributes().column(other), curvature);
            assertEquals(0, r, 0.08, other);
        }
    }

    @Test
    void risesStepByStepWithTheSmileOfOneFaceEvenWhenTiltedAndBlurred() {
        for (double tilt : new double[] {-15, 0, 15}) {
            double previous = Double.NEGATIVE_INFINITY;
            for (double smile = -1; smile <= 1; smile += 0.25) {
                float[] face = blur(FacePainter.paint(FaceFactors.neutral().with(FaceFactor.TILT, tilt)
                        .with(FaceFactor.SMILE, smile)));
                double curvature = MouthCurvature.measure(face, 0);
                assertTrue(curvature > previous + 0.2, "tilt " + tilt + ", smile " + smile + ": " + curvature);
                previous = curvature;
            }
        }
    }

    @Test
    void aBlankImageHasNoMouth() {
        assertTrue(Double.isNaN(MouthCurvature.measure(new float[28 * 28], 0)));
        assertThrows(IllegalArgumentException.class,
                () -> MouthCurvature.of(new Dataset("small", 4, 4, new float[16], null, List.of())));
    }

    /** A 3 × 3 binomial blur, the kind of softness a decoder adds. */
    private static float[] blur(float[] image) {
        int size = FacePainter.SIZE;
        float[] out = new float[image.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double sum = 0;
                double weight = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if (x + dx >= 0 && y + dy >= 0 && x + dx < size && y + dy < size) {
                            double w = (2 - Math.abs(dx)) * (2 - Math.abs(dy));
                            sum += w * image[(y + dy) * size + x + dx];
                            weight += w;
                        }
                    }
                }
                out[y * size + x] = (float) (sum / weight);
            }
        }
        return out;
    }

    private static double slope(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}
