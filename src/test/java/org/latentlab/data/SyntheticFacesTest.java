package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticFacesTest {

    private static final int N = 3_000;
    private static final int SIZE = FacePainter.SIZE;

    @Test
    void theSameSeedGivesTheSameFacesAndAPrefixOfALargerSetIsTheSmallerSet() {
        Dataset small = SyntheticFaces.generate(500, 3);
        Dataset large = SyntheticFaces.generate(1_000, 3);
        Dataset other = SyntheticFaces.generate(500, 4);

        assertArrayEquals(small.pixels(500), large.pixels(500));
        assertArrayEquals(small.attributes().column("smile"), Arrays.copyOf(large.attributes().column("smile"), 500));
        assertFalse(Arrays.equals(small.pixels(500), other.pixels(500)));
        assertSame(large, SyntheticFaces.generate(1_000, 3), "a set asked for again comes from the cache");
    }

    @Test
    void everyFactorIsUniformOverItsRangeAndIndependentOfTheOthers() {
        Dataset faces = SyntheticFaces.generate(N, 1);
        assertEquals(SyntheticFaces.ATTRIBUTE_NAMES, faces.attributes().names());
        double[][] columns = new double[FaceFactor.values().length][];
        for (FaceFactor factor : FaceFactor.values()) {
            double[] values = faces.attributes().column(factor.attributeName());
            columns[factor.ordinal()] = values;
            double range = factor.max() - factor.min();
            double min = Arrays.stream(values).min().orElseThrow();
            double max = Arrays.stream(values).max().orElseThrow();
            double mean = Arrays.stream(values).average().orElseThrow();
            assertTrue(min >= factor.min() && min < factor.min() + 0.01 * range, factor + " min " + min);
            assertTrue(max <= factor.max() && max > factor.max() - 0.01 * range, factor + " max " + max);
            // The mean of N uniforms has standard deviation range / √(12 N) ≈ 0.0053 range; allow 4σ.
            assertEquals((factor.min() + factor.max()) / 2, mean, 0.021 * range, factor + " mean");
        }
        for (int a = 0; a < columns.length; a++) {
            for (int b = a + 1; b < columns.length; b++) {
                // The correlation of independent samples has standard deviation 1/√N ≈ 0.018; allow 4σ.
                assertEquals(0, correlation(columns[a], columns[b]), 0.073, "factors " + a + " and " + b);
            }
        }
    }

    @Test
    void labelsAreTheSmileInThirdsOfItsRange() {
        Dataset faces = SyntheticFaces.generate(N, 1);
        double[] smile = faces.attributes().column("smile");
        for (int i = 0; i < N; i++) {
            int expected = smile[i] < -1.0 / 3 ? 0 : smile[i] > 1.0 / 3 ? 2 : 1;
            assertEquals(expected, faces.label(i));
        }
        for (int count : faces.labelCounts()) {
            assertEquals(N / 3.0, count, 4 * Math.sqrt(N * 2 / 9.0), "about a third each");
        }
        assertEquals(SyntheticFaces.CLASS_NAMES, faces.classNames());
    }

    @Test
    void aSplitKeepsEachFaceWithItsOwnFactors() {
        DatasetSplit split = DatasetSplit.of(SyntheticFaces.generate(N, 2), 0.2, 9);
        Dataset held = split.validation();
        for (int i = 0; i < held.size(); i++) {
            assertEquals(SyntheticFaces.label(held.attributes().value("smile", i)), held.label(i));
        }
        assertEquals(600, held.attributes().size());
    }

    @Test
    void aNeutralFaceIsBrightSkinOnBlackWithADarkStraightMouthAndDarkEyes() {
        FaceFactors face = FaceFactors.neutral();
        float[] image = FacePainter.paint(face);
        int centre = (int) FacePainter.CENTRE;
        int mouthRow = (int) (FacePainter.CENTRE + FacePainter.MOUTH_Y);
        int eyeRow = (int) (FacePainter.CENTRE + FacePainter.EYE_Y);

        assertEquals(0f, image[0], "the corner is background");
        assertEquals(face.brightness(), image[(centre + 1) * SIZE + centre], 1e-6, "the middle of the face is skin");
        assertTrue(image[mouthRow * SIZE + centre] < 0.15, "the mouth is dark: " + image[mouthRow * SIZE + centre]);
        assertTrue(image[eyeRow * SIZE + centre + (int) FacePainter.EYE_X] < 0.15, "the eye is dark");
        assertEquals(image[mouthRow * SIZE + centre - 3], image[mouthRow * SIZE + centre + 2], 1e-6,
                "a straight upright mouth is symmetric about the centre line");
    }

    @Test
    void aGrinLiftsTheMouthCornersAndAFrownDropsThem() {
        float[] grin = FacePainter.paint(FaceFactors.neutral().with(FaceFactor.SMILE, 1));
        float[] frown = FacePainter.paint(FaceFactors.neutral().with(FaceFactor.SMILE, -1));
        int corner = (int) (FacePainter.CENTRE - FacePainter.MOUTH_HALF_WIDTH + 0.5);
        // Corners sit MOUTH_LIFT·⅔ above (grin) or below (frown) the mouth's mean height of row 19.5.
        int high = (int) (FacePainter.CENTRE + FacePainter.MOUTH_Y - 2);
        int low = (int) (FacePainter.CENTRE + FacePainter.MOUTH_Y + 2);

        assertTrue(grin[high * SIZE + corner] < 0.3 && frown[high * SIZE + corner] > 0.6);
        assertTrue(frown[low * SIZE + corner] < 0.3 && grin[low * SIZE + corner] > 0.6);
    }

    @Test
    void factorsOutsideTheirRangesAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaceFactors.neutral().with(FaceFactor.SMILE, 1.5));
        assertEquals("smile 1.5 is outside [-1.0, 1.0]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticFaces.generate(0, 1));
        assertThrows(IllegalArgumentException.class, () -> FaceFactors.random(new SplittableRandom(1)).with(FaceFactor.TILT, 90));
    }

    static double correlation(double[] a, double[] b) {
        double meanA = Arrays.stream(a).average().orElseThrow();
        double meanB = Arrays.stream(b).average().orElseThrow();
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }
}
