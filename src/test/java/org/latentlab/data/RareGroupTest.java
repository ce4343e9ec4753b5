package org.latentlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RareGroupTest {

    @Test
    void readsBothComparisonsWithThresholdAndShare() {
        RareGroup dark = RareGroup.parse("brightness<0.3@0.05");
        assertEquals(new RareGroup(FaceFactor.BRIGHTNESS, true, 0.3, 0.05), dark);
        assertEquals("brightness<0.3@0.05", dark.spec());
        assertEquals(0.55 + 0.3 * 0.45, dark.thresholdValue(), 1e-12);
        assertEquals("5 % of the faces have brightness below 0.685 (the lowest 30 % of its range [0.55, 1])",
                dark.describe());

        RareGroup tilted = RareGroup.parse(" Tilt > 0.9 @ 0.1 ");
        assertEquals(new RareGroup(FaceFactor.TILT, false, 0.9, 0.1), tilted);
        assertEquals("10 % of the faces have tilt above 12 (the highest 10 % of its range [-15, 15])",
                tilted.describe());
    }

    @Test
    void eachBadValueGetsOneMessageNamingItAndWhatWasExpected() {
        assertMessage("beard<0.3@0.05", "names the factor 'beard', which the faces do not have",
                "smile, eyes, width, tilt, hair, brightness");
        assertMessage("brightness<1.3@0.05", "the threshold 1.3 is outside (0, 1)", "range [0.55, 1]");
        assertMessage("tilt>10@0.05", "the threshold 10.0 is outside (0, 1)", "fraction of tilt's range [-15, 15]");
        assertMessage("brightness<0.3@5", "the share 5.0 is outside (0, 1)", "e.g. 0.05 for 5 %");
        assertMessage("brightness<0.3@0", "the share 0.0 is outside (0, 1)");
        assertMessage("brightness<dark@0.05", "the threshold 'dark' is not a number");
        assertMessage("brightness<0.3@", "the share '' is not a number");
        assertMessage("brightness<0.3", "'brightness<0.3' is not understood", "FACTOR<T@SHARE");
        assertMessage("brightness", "is not understood", "put the value in quotes");
    }

    private static void assertMessage(String spec, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RareGroup.parse(spec));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }

    @Test
    void theDatasetFlagTakesARareGroupAndRejectsOtherOptionsClearly() {
        DatasetSource source = DatasetSource.parse("faces:rare=brightness<0.3@0.05");
        assertEquals(new DatasetSource.Faces(SyntheticFaces.DEFAULT_COUNT, SyntheticFaces.DEFAULT_SEED,
                RareGroup.parse("brightness<0.3@0.05")), source);
        assertEquals("20,000 synthetic faces (seed 2016); a rare group: 5 % of the faces have brightness below 0.685"
                + " (the lowest 30 % of its range [0.55, 1])", source.describe());

        DatasetException unknown = assertThrows(DatasetException.class, () -> DatasetSource.parse("faces:count=10"));
        assertEquals("Unknown option of the faces 'count=10': expected faces:rare=FACTOR<T@SHARE, e.g."
                + " faces:rare=brightness<0.3@0.05 (the faces whose brightness lies in the lowest 30 % of its range make"
                + " up 5 % of the set)", unknown.getMessage());
        DatasetException bad = assertThrows(DatasetException.class,
                () -> DatasetSource.parse("faces:rare=brightness<0.3@1.5"));
        assertTrue(bad.getMessage().startsWith("Dataset faces:rare=brightness<0.3@1.5: in the rare group"
                + " 'brightness<0.3@1.5', the share 1.5 is outside (0, 1)"), bad.getMessage());
    }

    @Test
    void theGroupHasTheShareAskedForAndItsFacesLieOnTheirSideOfTheThreshold() {
        int n = 6_000;
        RareGroup dark = RareGroup.parse("brightness<0.3@0.05");
        Dataset faces = SyntheticFaces.generate(n, 11, dark);
        boolean[] members = RareGroup.members(faces.attributes());
        double[] brightness = faces.attributes().column("brightness");
        int count = 0;
        for (int i = 0; i < n; i++) {
            count += members[i] ? 1 : 0;
            assertEquals(members[i], brightness[i] < dark.thresholdValue(), "face " + i + ": " + brightness[i]);
        }
        // Binomial(6,000, 0.05): mean 300, standard deviation 16.9; allow 4σ.
        assertEquals(300, count, 68, "faces in the group");
        assertEquals(count, (int) Arrays.stream(faces.attributes().column(RareGroup.ATTRIBUTE)).sum());

        RareGroup tilted = RareGroup.parse("tilt>0.8@0.2");
        boolean[] right = RareGroup.members(SyntheticFaces.generate(n, 11, tilted).attributes());
        double[] tilt = SyntheticFaces.generate(n, 11, tilted).attributes().column("tilt");
        int rightCount = 0;
        for (int i = 0; i < n; i++) {
            rightCount += right[i] ? 1 : 0;
            assertEquals(right[i], tilt[i] > tilted.thresholdValue(), "face " + i + ": " + tilt[i]);
        }
        // Binomial(6,000, 0.2): mean 1,200, standard deviation 31; allow 4σ.
        assertEquals(1_200, rightCount, 124);
    }

    @Test
    void withinEachPartTheFactorStaysUniformAndTheOtherFactorsAreThoseOfTheUnbiasedFace() {
        int n = 4_000;
        RareGroup dark = RareGroup.parse("brightness<0.3@0.05");
        Dataset biased = SyntheticFaces.generate(n, 5, dark);
        Dataset plain = SyntheticFaces.generate(n, 5);
        for (FaceFactor factor : FaceFactor.values()) {
            if (factor != FaceFactor.BRIGHTNESS) {
                assertArrayEquals(plain.attributes().column(factor.attributeName()),
                        biased.attributes().column(factor.attributeName()), 0.0, factor.attributeName());
            }
        }
        double[] brightness = biased.attributes().column("brightness");
        double cut = dark.thresholdValue();
        double common = Arrays.stream(brightness).filter(b -> b >= cut).average().orElseThrow();
        // Uniform on [0.685, 1): mean 0.8425, standard deviation of the mean 0.091/√3,800 ≈ 0.0015; allow 4σ.
        assertEquals((cut + 1) / 2, common, 0.006);
        assertFalse(plain.attributes().has(RareGroup.ATTRIBUTE));
        assertNull(RareGroup.members(plain.attributes()));
        assertEquals("synthetic faces with a rare group (brightness<0.3@0.05)", biased.name());
    }

    @Test
    void aFaceDependsOnlyOnTheSeedAndItsIndex() {
        RareGroup dark = RareGroup.parse("brightness<0.3@0.05");
        Dataset small = SyntheticFaces.generate(300, 8, dark);
        Dataset large = SyntheticFaces.generate(900, 8, dark);
        assertArrayEquals(small.pixels(300), large.pixels(300));
        assertArrayEquals(small.attributes().column(RareGroup.ATTRIBUTE),
                Arrays.copyOf(large.attributes().column(RareGroup.ATTRIBUTE), 300), 0.0);
        for (int i = 0; i < 50; i++) {
            assertEquals(SyntheticFaces.factors(8, i), SyntheticFaces.face(8, i, null).factors(),
                    "a set without a rare group draws its faces as before");
        }
    }
}
