package org.latentlab.data;

/**
 * Resizing of a square grayscale image stored as floats: area-averaging when it shrinks (each
 * output pixel is the exact mean of the source area it covers), bilinear interpolation between
 * pixel centres when it grows. Both run separably, rows then columns.
 */
final class SquareResampling {

    private SquareResampling() {
    }

    /** {@code source} is {@code from × from}, row-major; the result is {@code to × to}. */
    static float[] resize(float[] source, int from, int to) {
        if (from == to) {
            return source.clone();
        }
        Weights weights = from > to ? areaWeights(from, to) : bilinearWeights(from, to);
        float[] rowsDone = new float[from * to];
        for (int y = 0; y < from; y++) {
            for (int x = 0; x < to; x++) {
                rowsDone[y * to + x] = weights.apply(source, y * from, 1, x);
            }
        }
        float[] out = new float[to * to];
        for (int y = 0; y < to; y++) {
            for (int x = 0; x < to; x++) {
                out[y * to + x] = weights.apply(rowsDone, x, to, y);
            }
        }
        return out;
    }

    /** For each output position, the first source index and the weights from there on. */
    private record Weights(int[] first, float[][] weights) {
        float apply(float[] data, int offset, int stride, int out) {
            float[] w = weights[out];
            int start = offset + first[out] * stride;
            float sum = 0f;
            for (int k = 0; k < w.length; k++) {
                sum += w[k] * data[start + k * stride];
            }
            return sum;
        }
    }

    private static Weights areaWeights(int from, int to) {
        int[] first = new int[to];
        float[][] weights = new float[to][];
        double scale = (double) from / to;
        for (int j = 0; j < to; j++) {
            double start = j * scale;
            double end = (j + 1) * scale;
            int i0 = (int) Math.floor(start);
            int i1 = Math.min(from, (int) Math.ceil(end - 1e-9));
            first[j] = i0;
            weights[j] = new float[i1 - i0];
            for (int i = i0; i < i1; i++) {
                double overlap = Math.min(end, i + 1) - Math.max(start, i);
                weights[j][i - i0] = (float) (overlap / scale);
            }
        }
        return new Weights(first, weights);
    }

    private static Weights bilinearWeights(int from, int to) {
        int[] first = new int[to];
        float[][] weights = new float[to][];
        for (int j = 0; j < to; j++) {
            double x = (j + 0.5) * from / to - 0.5;
            if (x <= 0) {
                first[j] = 0;
                weights[j] = new float[] {1f};
            } else if (x >= from - 1) {
                first[j] = from - 1;
                weights[j] = new float[] {1f};
            } else {
                int i0 = (int) Math.floor(x);
                float t = (float) (x - i0);
                first[j] = i0;
                weights[j] = new float[] {1f - t, t};
            }
        }
        return new Weights(first, weights);
    }
}
