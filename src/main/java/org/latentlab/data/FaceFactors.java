package org.latentlab.data;

import java.util.random.RandomGenerator;

/**
 * The factor values of one synthetic face; see {@link FaceFactor} for what each means and its range.
 *
 * @param smile      mouth curvature in [−1, 1]
 * @param eyes       eye openness in [0, 1]
 * @param width      face width in pixels, [16, 21]
 * @param tilt       head tilt in degrees, [−15, 15], clockwise positive
 * @param hair       fringe depth in [0, 1]
 * @param brightness skin intensity in [0.55, 1]
 */
public record FaceFactors(double smile, double eyes, double width, double tilt, double hair, double brightness) {

    public FaceFactors {
        FaceFactor.SMILE.require(smile);
        FaceFactor.EYES.require(eyes);
        FaceFactor.WIDTH.require(width);
        FaceFactor.TILT.require(tilt);
        FaceFactor.HAIR.require(hair);
        FaceFactor.BRIGHTNESS.require(brightness);
    }

    /** A face with every factor drawn independently and uniformly from its range. */
    public static FaceFactors random(RandomGenerator random) {
        return atFractions(randomFractions(random));
    }

    /**
     * Six draws from {@code random}, uniform in [0, 1): where each factor lies in its range, in the
     * order of {@link FaceFactor}.
     */
    static double[] randomFractions(RandomGenerator random) {
        double[] fractions = new double[FaceFactor.values().length];
        for (int f = 0; f < fractions.length; f++) {
            fractions[f] = random.nextDouble();
        }
        return fractions;
    }

    /** The face whose factors lie at these fractions of their ranges, in the order of {@link FaceFactor}. */
    static FaceFactors atFractions(double[] fractions) {
        return new FaceFactors(
                FaceFactor.SMILE.at(fractions[0]),
                FaceFactor.EYES.at(fractions[1]),
                FaceFactor.WIDTH.at(fractions[2]),
                FaceFactor.TILT.at(fractions[3]),
                FaceFactor.HAIR.at(fractions[4]),
                FaceFactor.BRIGHTNESS.at(fractions[5]));
    }

    /** The middle of every range: a straight mouth, half-open eyes, upright. */
    public static FaceFactors neutral() {
        return new FaceFactors(0, 0.5, 18.5, 0, 0.5, 0.775);
    }

    /** The value of {@code factor}. */
    public double get(FaceFactor factor) {
        return switch (factor) {
            case SMILE -> smile;
            case EYES -> eyes;
            case WIDTH -> width;
            case TILT -> tilt;
            case HAIR -> hair;
            case BRIGHTNESS -> brightness;
        };
    }

    /** This face with {@code factor} set to {@code value}. */
    public FaceFactors with(FaceFactor factor, double value) {
        return new FaceFactors(
                factor == FaceFactor.SMILE ? value : smile,
                factor == FaceFactor.EYES ? value : eyes,
                factor == FaceFactor.WIDTH ? value : width,
                factor == FaceFactor.TILT ? value : tilt,
                factor == FaceFactor.HAIR ? value : hair,
                factor == FaceFactor.BRIGHTNESS ? value : brightness);
    }
}
