package org.latentlab.latent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AttributeVectorTest {

    private static final int N = 20_000;

    /** N points: z = Σ_k columns[k][i] · e_k + noise · N(0, I) in {@code d} dimensions. */
    private static LatentPoints planted(int d, double noise, long seed, double[]... columns) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[N * d];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < d; j++) {
                double v = noise * random.nextGaussian();
                if (j < columns.length) {
                    v += columns[j][i];
                }
                values[i * d + j] = (float) v;
            }
        }
        return new LatentPoints(values, N, d);
    }

    private static double[] uniform(SplittableRandom random) {
        double[] values = new double[N];
        for (int i = 0; i < N; i++) {
            values[i] = 2 * random.nextDouble() - 1;
        }
        return values;
    }

    @Test
    void recoversAPlantedDirectionAndSeparatesHeldOutExamples() {
        double[] attribute = uniform(new SplittableRandom(1));
        LatentPoints z = planted(6, 0.5, 2, attribute);

        AttributeVector vector = AttributeVector.compute(z, Contrast.thirds("planted", attribute), 3);

        float[] v = vector.direction();
        // The thirds' means of a uniform on [−1, 1] are ±2/3: the vector is (4/3) e₁ plus sampling noise
        // (σ ≈ 0.011 for 4,667 fitted examples a side).
        assertEquals(4.0 / 3, v[0], 0.04);
        for (int j = 1; j < 6; j++) {
            assertEquals(0, v[j], 0.03, "dimension " + j);
        }
        // Projections onto e₁ of the groups are at least 2/3 apart, with noise σ = 0.5: well separated.
        assertTrue(vector.heldOutAuc() > 0.95, vector.toString());
        assertEquals(N / 3, vector.positives() + vector.heldOutPositives(), 1);
        assertEquals(Math.round(N / 3 * AttributeVector.HELD_OUT_FRACTION), vector.heldOutPositives(), 1);
    }

    @Test
    void aClassToClassVectorIsTheDifferenceOfTheClassMeans() {
        // Class 3 sits at (1, 0), class 8 at (0, 2), class 5 elsewhere; every point exactly at its centre.
        int[] labels = {3, 8, 5, 3, 8, 3, 8, 8, 5, 3};
        float[] values = new float[labels.length * 2];
        for (int i = 0; i < labels.length; i++) {
            values[2 * i] = labels[i] == 3 ? 1 : labels[i] == 5 ? 7 : 0;
            values[2 * i + 1] = labels[i] == 8 ? 2 : labels[i] == 5 ? 7 : 0;
        }
        List<String> names = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

        AttributeVector vector = AttributeVector.compute(new LatentPoints(values, labels.length, 2),
                Contrast.betweenClasses(labels, 3, 8, names), 1);

        assertEquals("3 → 8", vector.name());
        assertArrayEquals(new float[] {-1, 2}, vector.direction());
        assertEquals(1.0, vector.heldOutAuc());
        assertArrayEquals(new float[] {0, 2}, vector.moved(new float[] {1, 0}, 1), "a 3 moved by the whole vector lands on the 8s");
        assertEquals(1.0, vector.along(new float[] {-1, 2}), 1e-7);
    }

    @Test
    void balancingRemovesAConfoundThatTheGroupsDifferIn() {
        // Group membership follows "smile"; a yes/no "hat" comes with smiling 80 % of the time and with
        // not smiling 20 %. The latent has one axis for each, with no noise on the hat axis.
        SplittableRandom random = new SplittableRandom(5);
        double[] smile = uniform(random);
        double[] hat = new double[N];
        for (int i = 0; i < N; i++) {
            hat[i] = random.nextDouble() < (smile[i] > 0 ? 0.8 : 0.2) ? 1 : 0;
        }
        float[] values = new float[N * 2];
        for (int i = 0; i < N; i++) {
            values[2 * i] = (float) (smile[i] + 0.3 * random.nextGaussian());
            values[2 * i + 1] = (float) hat[i];
        }
        LatentPoints z = new LatentPoints(values, N, 2);
        Contrast smiling = Contrast.thirds("smile", smile);

        AttributeVector plain = AttributeVector.compute(z, smiling, 6);
        AttributeVector balanced = AttributeVector.compute(z, smiling, Balance.on(List.of(hat)), 6);

        assertEquals(0.6, plain.direction()[1], 0.03, "the plain vector also adds a hat");
        assertEquals(0, balanced.direction()[1], 1e-6, "within each hat stratum both groups sit at the same height");
        assertEquals(plain.direction()[0], balanced.direction()[0], 0.05, "the smile part stays");
        assertTrue(balanced.balanced() && balanced.keptShare() == 1.0, balanced.toString());
    }

    @Test
    void balancingOnAContinuousConfoundShrinksItsPartWithFinerBins() {
        SplittableRandom random = new SplittableRandom(7);
        double[] target = uniform(random);
        double[] confound = new double[N];
        for (int i = 0; i < N; i++) {
            confound[i] = 0.7 * target[i] + 0.3 * (2 * random.nextDouble() - 1);
        }
        LatentPoints z = planted(3, 0.2, 8, target, confound);
        Contrast contrast = Contrast.thirds("target", target);

        double plain = AttributeVector.compute(z, contrast, 9).direction()[1];
        double four = AttributeVector.compute(z, contrast, new Balance(List.of(confound), 4), 9).direction()[1];
        double sixteen = AttributeVector.compute(z, contrast, new Balance(List.of(confound), 16), 9).direction()[1];

        assertEquals(0.7 * 4 / 3, plain, 0.03, "the confound moves with the target: 0.7 × (4/3)");
        // What is left is the confound's spread between the groups within a bin, which finer bins narrow.
        assertTrue(Math.abs(four) < 0.35 * plain, "4 bins: " + four + " of " + plain);
        assertTrue(Math.abs(sixteen) < 0.15 * plain && Math.abs(sixteen) < 0.5 * Math.abs(four),
                "16 bins: " + sixteen + " of " + plain + ", 4 bins " + four);
    }

    @Test
    void theSameSeedGivesTheSameVector() {
        double[] attribute = uniform(new SplittableRandom(1));
        LatentPoints z = planted(3, 1, 2, attribute);
        Contrast contrast = Contrast.thirds("a", attribute);

        assertEquals(AttributeVector.compute(z, contrast, 4), AttributeVector.compute(z, contrast, 4));
        assertTrue(AttributeVector.compute(z, contrast, 4).heldOutAuc() != AttributeVector.compute(z, contrast, 5).heldOutAuc());
    }

    @Test
    void refusesGroupsTooSmallToHoldOneOutAndMismatchedSizes() {
        LatentPoints z = new LatentPoints(new float[] {0, 1, 2, 3}, 4, 1);
        Contrast lonely = new Contrast("rare", new boolean[] {true, false, false, false}, new boolean[] {false, true, true, true});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttributeVector.compute(z, lonely, 1));
        assertEquals("the examples with \"rare\" number 1; an attribute vector needs at least 2 on each side", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AttributeVector.compute(z, new Contrast("x", new boolean[3], new boolean[3]), 1));
    }

    @Test
    void contrastsOfExtremesLeaveTheMiddleAndNaNOut() {
        double[] values = {5, 1, Double.NaN, 3, 9, 7, 2, 8, 4, 6};

        Contrast thirds = Contrast.thirds("v", values);

        // Nine numbers: the bottom three (1, 2, 3) against the top three (7, 8, 9).
        assertArrayEquals(new boolean[] {false, false, false, false, true, true, false, true, false, false}, thirds.positive());
        assertArrayEquals(new boolean[] {false, true, false, true, false, false, true, false, false, false}, thirds.negative());
        assertThrows(IllegalArgumentException.class, () -> Contrast.thirds("flat", new double[] {1, 1, 1}));
    }
}
