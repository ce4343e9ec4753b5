package org.latentlab.render;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.latentlab.io.AtomicFile;

/**
 * An animated GIF that loops forever, written with the JDK's GIF writer (the NETSCAPE2.0 loop
 * extension, a delay per frame), whole or not at all ({@link AtomicFile}).
 *
 * <p>GIF frames hold at most 256 colours. Each frame gets its own palette: {@value #GREYS} evenly
 * spaced greys, round(k · 255 / 63) (figures are mostly grey images on white; a timeline's images
 * have exactly these levels) and the frame's 192 most frequent other colours; every other colour
 * goes to its nearest. Much faster than the writer's own quantiser, which took about a second a
 * frame for a 900 × 900 figure here.
 */
public final class AnimatedGif {

    /** How many evenly spaced greys each palette holds, black and white among them. */
    static final int GREYS = 64;

    private AnimatedGif() {
    }

    /**
     * Writes {@code frames} to {@code path}, each shown for {@code delayMillis} (rounded to the
     * GIF's hundredths of a second, at least 2).
     *
     * @return how many frames were written
     * @throws UncheckedIOException naming {@code path} if it cannot be written; the file already
     *                              there, if any, is unchanged
     */
    public static int write(Path path, Iterator<BufferedImage> frames, int delayMillis) {
        int[] written = {0};
        try {
            AtomicFile.write(path, file -> {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
                try (ImageOutputStream out = ImageIO.createImageOutputStream(file)) {
                    writer.setOutput(out);
                    writer.prepareWriteSequence(null);
                    while (frames.hasNext()) {
                        BufferedImage frame = indexed(frames.next());
                        writer.writeToSequence(new IIOImage(frame, null, metadata(writer, frame, delayMillis,
                                written[0] == 0)), null);
                        written[0]++;
                    }
                    writer.endWriteSequence();
                } finally {
                    writer.dispose();
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the GIF " + path + ": " + e.getMessage(), e);
        }
        return written[0];
    }

    private static IIOMetadata metadata(ImageWriter writer, BufferedImage frame, int delayMillis, boolean first)
            throws IIOInvalidTreeException {
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(2, Math.round(delayMillis / 10f))));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        // The writer takes the colours from the metadata, not from the image: the frame's own palette.
        IndexColorModel colours = (IndexColorModel) frame.getColorModel();
        IIOMetadataNode table = new IIOMetadataNode("LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", Integer.toString(colours.getMapSize()));
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < colours.getMapSize(); i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(colours.getRed(i)));
            entry.setAttribute("green", Integer.toString(colours.getGreen(i)));
            entry.setAttribute("blue", Integer.toString(colours.getBlue(i)));
            table.appendChild(entry);
        }
        root.appendChild(table);
        if (first) {
            IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
            IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
            loop.setAttribute("applicationID", "NETSCAPE");
            loop.setAttribute("authenticationCode", "2.0");
            loop.setUserObject(new byte[] {1, 0, 0}); // sub-block 1: loop count 0, forever
            applications.appendChild(loop);
            root.appendChild(applications);
        }
        metadata.setFromTree(format, root);
        return metadata;
    }

    /** {@code image} in 256 colours: {@value #GREYS} greys and its most frequent other colours. */
    static BufferedImage indexed(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int c : rgb) {
            if (!isGrey(c)) {
                counts.merge(c & 0xffffff, 1, Integer::sum);
            }
        }
        List<Integer> colours = new ArrayList<>(counts.keySet());
        colours.sort((a, b) -> Integer.compare(counts.get(b), counts.get(a)));
        int[] palette = new int[256];
        for (int i = 0; i < GREYS; i++) {
            int level = (i * 255 + (GREYS - 1) / 2) / (GREYS - 1);
            palette[i] = (level << 16) | (level << 8) | level;
        }
        int size = GREYS;
        for (int i = 0; i < colours.size() && size < 256; i++) {
            palette[size++] = colours.get(i);
        }
        Map<Integer, Byte> nearest = new HashMap<>();
        byte[] indices = new byte[rgb.length];
        for (int p = 0; p < rgb.length; p++) {
            int c = rgb[p] & 0xffffff;
            if (isGrey(c)) {
                indices[p] = (byte) (((c & 0xff) * (GREYS - 1) + 127) / 255);
            } else {
                int paletteSize = size;
                indices[p] = nearest.computeIfAbsent(c, colour -> (byte) nearestIndex(palette, paletteSize, colour));
            }
        }
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(8, 256, r, g, b));
        out.getRaster().setDataElements(0, 0, width, height, indices);
        return out;
    }

    private static boolean isGrey(int c) {
        int red = (c >> 16) & 0xff;
        return red == ((c >> 8) & 0xff) && red == (c & 0xff);
    }

    private static int nearestIndex(int[] palette, int size, int colour) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            int dr = ((palette[i] >> 16) & 0xff) - ((colour >> 16) & 0xff);
            int dg = ((palette[i] >> 8) & 0xff) - ((colour >> 8) & 0xff);
            int db = (palette[i] & 0xff) - (colour & 0xff);
            long distance = 2L * dr * dr + 4L * dg * dg + 3L * db * db;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return best;
    }
}
