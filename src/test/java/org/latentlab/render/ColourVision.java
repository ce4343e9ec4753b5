package org.latentlab.render;

import java.awt.Color;

/**
 * How colours look to readers with a colour-vision deficiency, and how far apart two colours look:
 * the simulations of Machado, Oliveira and Fernandes (2009) at full severity, applied to linear
 * sRGB, and the CIEDE2000 colour difference (Sharma, Wu and Dalal 2005) in CIELAB under D65.
 */
final class ColourVision {

    /** A kind of colour vision: the identity, or one of Machado et al.'s matrices at severity 1.0. */
    enum Vision {
        NORMAL(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(new double[][] {
                {0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}),
        DEUTERANOPIA(new double[][] {
                {0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}),
        TRITANOPIA(new double[][] {
                {1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}});

        final double[][] matrix;

        Vision(double[][] matrix) {
            this.matrix = matrix;
        }

        /** {@code colour} as this vision sees it, in CIELAB. */
        double[] lab(Color colour) {
            double[] linear = {linear(colour.getRed()), linear(colour.getGreen()), linear(colour.getBlue())};
            double[] seen = new double[3];
            for (int row = 0; row < 3; row++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += matrix[row][k] * linear[k];
                }
                seen[row] = Math.min(1, Math.max(0, v));
            }
            return ColourVision.lab(seen);
        }
    }

    private ColourVision() {
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** CIELAB (D65) of a linear sRGB colour. */
    static double[] lab(double[] rgb) {
        double x = (0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]) / 0.95047;
        double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
        double z = (0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double delta = 6.0 / 29;
        return t > delta * delta * delta ? Math.cbrt(t) : t / (3 * delta * delta) + 4.0 / 29;
    }

    /** The CIEDE2000 difference of two CIELAB colours (Sharma et al. 2005, equations 1–20). */
    static double deltaE2000(double[] lab1, double[] lab2) {
        double l1 = lab1[0];
        double l2 = lab2[0];
        double cBar = (Math.hypot(lab1[1], lab1[2]) + Math.hypot(lab2[1], lab2[2])) / 2;
        double c7 = Math.pow(cBar, 7);
        double g = 0.5 * (1 - Math.sqrt(c7 / (c7 + Math.pow(25, 7))));
        double a1 = (1 + g) * lab1[1];
        double a2 = (1 + g) * lab2[1];
        double c1 = Math.hypot(a1, lab1[2]);
        double c2 = Math.hypot(a2, lab2[2]);
        double h1 = c1 == 0 ? 0 : hueDegrees(a1, lab1[2]);
        double h2 = c2 == 0 ? 0 : hueDegrees(a2, lab2[2]);
        double dL = l2 - l1;
        double dC = c2 - c1;
        double dh = 0;
        if (c1 * c2 != 0) {
            dh = h2 - h1;
            dh += dh > 180 ? -360 : dh < -180 ? 360 : 0;
        }
        double dH = 2 * Math.sqrt(c1 * c2) * Math.sin(Math.toRadians(dh / 2));
        double lBar = (l1 + l2) / 2;
        double cBarPrime = (c1 + c2) / 2;
        double hBar = h1 + h2;
        if (c1 * c2 != 0) {
            hBar = Math.abs(h1 - h2) <= 180 ? (h1 + h2) / 2 : (h1 + h2 + (h1 + h2 < 360 ? 360 : -360)) / 2;
        }
        double t = 1 - 0.17 * Math.cos(Math.toRadians(hBar - 30)) + 0.24 * Math.cos(Math.toRadians(2 * hBar))
                + 0.32 * Math.cos(Math.toRadians(3 * hBar + 6)) - 0.20 * Math.cos(Math.toRadians(4 * hBar - 63));
        double dTheta = 30 * Math.exp(-Math.pow((hBar - 275) / 25, 2));
        double cp7 = Math.pow(cBarPrime, 7);
        double rC = 2 * Math.sqrt(cp7 / (cp7 + Math.pow(25, 7)));
        double sL = 1 + 0.015 * Math.pow(lBar - 50, 2) / Math.sqrt(20 + Math.pow(lBar - 50, 2));
        double sC = 1 + 0.045 * cBarPrime;
        double sH = 1 + 0.015 * cBarPrime * t;
        double rT = -Math.sin(Math.toRadians(2 * dTheta)) * rC;
        return Math.sqrt(Math.pow(dL / sL, 2) + Math.pow(dC / sC, 2) + Math.pow(dH / sH, 2)
                + rT * (dC / sC) * (dH / sH));
    }

    private static double hueDegrees(double a, double b) {
        double h = Math.toDegrees(Math.atan2(b, a));
        return h < 0 ? h + 360 : h;
    }
}
