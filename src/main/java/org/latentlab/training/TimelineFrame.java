package org.latentlab.training;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.latentlab.latent.LatentPlane;

/**
 * What the views showed at one moment of training, as a timeline entry holds it: where the probe
 * images lay (on the plane the scatter drew them on), the decoded grid, the reconstructions and the
 * prior samples. An entry keeps it packed ({@link #pack()}: little-endian floats and images
 * filtered by {@link PaethImages}, in deflate's format, Huffman-coded once there is time for it:
 * {@link #compact}) and unpacks it when it is shown.
 *
 * <p>The arrays are not copied: nobody writes to them.
 *
 * @param xs              the probe's points on {@code plane}, in probe order: horizontal coordinates
 * @param ys              their vertical coordinates
 * @param plane           the plane of the latent space they lie on (for more than two dimensions,
 *                        that of the two leading principal components at that moment)
 * @param grid            the decoded grid, row-major from the top left
 * @param reconstructions the strip's probe images decoded from their posterior means
 * @param samples         images decoded from the same prior draws at every moment
 */
public record TimelineFrame(float[] xs, float[] ys, LatentPlane plane, TimelineImages grid,
                            TimelineImages reconstructions, TimelineImages samples) {

    public TimelineFrame {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException(xs.length + " x coordinates but " + ys.length + " y coordinates");
        }
    }

    /** The length of a frame of {@code layout} unpacked, with or without a principal plane. */
    static long unpackedLength(TimelineLayout layout, boolean principal) {
        long points = 2L * Float.BYTES * layout.probeCount();
        long plane = 1 + (principal ? 1 + 2L * Double.BYTES * layout.latentSize() : 0);
        long images = (long) (layout.gridCount() + layout.reconstructionCount() + layout.stripLength())
                * layout.pixelsPerImage();
        return points + plane + images;
    }

    /**
     * This frame as one block of bytes, to keep in memory and in files: laid out, filtered by
     * {@link PaethImages}, and wrapped in deflate's format uncompressed ("stored"), which is fast.
     * {@link #compact} codes the same bytes in about half the room when there is time for it.
     */
    byte[] pack() {
        int d = plane.latentSize();
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8L * xs.length + 2 + 16L * d + grid.levels().length
                + reconstructions.levels().length + samples.levels().length)).order(ByteOrder.LITTLE_ENDIAN);
        out.asFloatBuffer().put(xs).put(ys);
        out.position(8 * xs.length);
        out.put((byte) (plane.isPrincipal() ? 1 : 0));
        if (plane.isPrincipal()) {
            out.put((byte) (plane.converged() ? 1 : 0));
            for (int axis = 0; axis < 2; axis++) {
                for (double v : plane.direction(axis)) {
                    out.putDouble(v);
                }
            }
        }
        out.put(PaethImages.filter(grid)).put(PaethImages.filter(reconstructions)).put(PaethImages.filter(samples));
        return deflate(out.array(), out.position(), false);
    }

    /**
     * What {@link #pack()} made for {@code layout}, Huffman-coded: the filtered images are mostly
     * small numbers, which take about half the room so (on these residuals deflate's string
     * matching packed less and ran several times slower). About 2 ms a frame of the reference model.
     */
    static byte[] compact(byte[] packed, TimelineLayout layout) {
        byte[] bytes = new byte[Math.toIntExact(unpackedLength(layout, layout.latentSize() > 2) + 1)];
        return deflate(bytes, inflate(packed, bytes), true);
    }

    private static byte[] deflate(byte[] bytes, int length, boolean compress) {
        Deflater deflater = new Deflater(compress ? Deflater.BEST_SPEED : Deflater.NO_COMPRESSION);
        if (compress) {
            deflater.setStrategy(Deflater.HUFFMAN_ONLY);
        }
        try {
            deflater.setInput(bytes, 0, length);
            deflater.finish();
            ByteArrayOutputStream packed = new ByteArrayOutputStream(compress ? length / 2 : length + 64);
            byte[] chunk = new byte[1 << 16];
            while (!deflater.finished()) {
                packed.write(chunk, 0, deflater.deflate(chunk));
            }
            return packed.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * Unpacks what {@link #pack()} made for {@code layout}, checking every length and value.
     *
     * @throws IllegalArgumentException saying what does not fit the layout
     */
    static TimelineFrame unpack(byte[] packed, TimelineLayout layout) {
        long longest = unpackedLength(layout, layout.latentSize() > 2);
        byte[] bytes = new byte[Math.toIntExact(longest + 1)];
        int length = inflate(packed, bytes);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int n = layout.probeCount();
        float[] xs = new float[n];
        float[] ys = new float[n];
        if (length < 8L * n + 1) {
            throw new IllegalArgumentException("an entry of " + length + " bytes is too short for " + n + " points");
        }
        in.asFloatBuffer().get(xs).get(ys);
        in.position(8 * n);
        for (int i = 0; i < n; i++) {
            if (!Float.isFinite(xs[i]) || !Float.isFinite(ys[i])) {
                throw new IllegalArgumentException("point " + i + " is not finite (" + xs[i] + ", " + ys[i] + ")");
            }
        }
        boolean principal = in.get() == 1;
        if (principal && layout.latentSize() <= 2) {
            throw new IllegalArgumentException("a principal plane in a latent space of " + layout.latentSize()
                    + " dimensions");
        }
        if (length != unpackedLength(layout, principal)) {
            throw new IllegalArgumentException("an entry holds " + length + " bytes, the layout needs "
                    + unpackedLength(layout, principal));
        }
        LatentPlane plane = LatentPlane.firstTwoAxes(layout.latentSize());
        if (principal) {
            boolean converged = in.get() == 1;
            double[][] axes = new double[2][layout.latentSize()];
            for (double[] axis : axes) {
                for (int d = 0; d < axis.length; d++) {
                    axis[d] = in.getDouble();
                }
            }
            plane = LatentPlane.principalSpannedBy(axes[0], axes[1], converged);
        }
        return new TimelineFrame(xs, ys, plane, images(in, layout.gridCount(), layout),
                images(in, layout.reconstructionCount(), layout), images(in, layout.stripLength(), layout));
    }

    private static TimelineImages images(ByteBuffer in, int count, TimelineLayout layout) {
        byte[] filtered = new byte[count * layout.pixelsPerImage()];
        in.get(filtered);
        return PaethImages.unfilter(filtered, count, layout.imageWidth(), layout.imageHeight());
    }

    /**
     * Inflates {@code packed} into {@code into}, which is one byte longer than any entry may be,
     * and returns the length; refuses more (a foreign or damaged entry).
     */
    private static int inflate(byte[] packed, byte[] into) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            int length = 0;
            while (!inflater.finished() && length < into.length) {
                int got = inflater.inflate(into, length, into.length - length);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("an entry's packed bytes end early");
                }
                length += got;
            }
            if (!inflater.finished()) {
                throw new IllegalArgumentException("an entry unpacks to more than the " + (into.length - 1)
                        + " bytes its layout allows");
            }
            if (inflater.getRemaining() > 0) {
                throw new IllegalArgumentException("an entry has " + inflater.getRemaining() + " bytes after its end");
            }
            return length;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("an entry is damaged: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
