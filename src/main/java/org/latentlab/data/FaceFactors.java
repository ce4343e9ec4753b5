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
        return new FaceFactors(
                FaceFactor.SMILE.at(random.nextDouble()),
                FaceFactor.EYES.at(random.nextDouble()),
                FaceFactor.WIDTH.at(random.nextDouble()),
                FaceFactor.TILT.at(random.nextDouble()),
                FaceFactor.HAIR.at(random.nextDouble()),
                FaceFactor.BRIGHTNESS.at(random.nextDouble()));
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
