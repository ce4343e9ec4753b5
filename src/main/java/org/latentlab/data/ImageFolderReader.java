package org.latentlab.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A reader of a folder of PNG and JPEG pictures into a {@link Dataset} of square grayscale images.
 *
 * <p>Layout: if the folder has sub-folders holding pictures, each of them is a class, named after
 * the sub-folder and numbered in alphabetical order (ignoring case), and the pictures directly
 * inside it are its images; pictures lying loose next to those sub-folders are then ignored, as are
 * deeper folders and sub-folders without pictures. Otherwise the pictures directly in the folder
 * form an unlabelled set. Names starting with a dot are skipped, as are files whose extension is
 * not one of {@link #EXTENSIONS}.
 *
 * <p>Each picture is turned into brightness in [0, 1] (Rec. 601 luma; transparent parts count as
 * white paper; a grayscale PNG's samples are taken as they are), inverted according to
 * {@link #inversion()} so that ink is bright, padded to a square with its mean border intensity
 * (keeping the aspect ratio, centred), and resized to {@link #size()} × {@link #size()}:
 * area-averaged when shrinking, bilinear when enlarging.
 *
 * @param size      the side of the square images, 1..1024 (default 28)
 * @param inversion how to make ink bright (default {@link InkInversion#AUTO})
 */
public record ImageFolderReader(int size, InkInversion inversion) {

    /** The default side of the images, as MNIST's. */
    public static final int DEFAULT_SIZE = 28;
    /** The largest side accepted. */
    public static final int MAX_SIZE = 1024;
    /** The file extensions read as pictures (any case). */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg");

    private static final Comparator<Path> ALPHABETICAL = Comparator
            .comparing((Path p) -> p.getFileName().toString(), String.CASE_INSENSITIVE_ORDER)
            .thenComparing(p -> p.getFileName().toString());

    public ImageFolderReader {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("image size must be between 1 and " + MAX_SIZE + " pixels, got " + size);
        }
        if (inversion == null) {
            throw new IllegalArgumentException("inversion must be one of AUTO, NEVER, ALWAYS, got null");
        }
    }

    /** 28 × 28 with automatic inversion. */
    public static ImageFolderReader defaults() {
        return new ImageFolderReader(DEFAULT_SIZE, InkInversion.AUTO);
    }

    /** Reads the pictures of {@code folder} as described in the class comment. */
    public Dataset read(Path folder) {
        if (!Files.exists(folder)) {
            throw new DatasetException("Image folder not found: " + folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new DatasetException(folder + " is a file, but a folder of images was expected");
        }
        List<List<Path>> pictureGroups = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        for (Path subFolder : list(folder).stream().filter(Files::isDirectory).toList()) {
            List<Path> pictures = pictures(subFolder);
            if (!pictures.isEmpty()) {
                pictureGroups.add(pictures);
                classNames.add(subFolder.getFileName().toString());
            }
        }
        boolean labelled = !pictureGroups.isEmpty();
        if (!labelled) {
            pictureGroups.add(pictures(folder));
        }
        int count = pictureGroups.stream().mapToInt(List::size).sum();
        if (count == 0) {
            throw new DatasetException("No images found in " + folder + ": expected files ending in ."
                    + String.join(", .", EXTENSIONS) + " (any case), directly in the folder or in sub-folders "
                    + "named after their classes, or the IDX files " + TrainTestIdxFolder.FILE_NAMES.get(0) + " and "
                    + TrainTestIdxFolder.FILE_NAMES.get(1) + " (either may end in .gz)");
        }
        int pixelCount = size * size;
        float[] pixels = new float[count * pixelCount];
        int[] labels = labelled ? new int[count] : null;
        int index = 0;
        for (int group = 0; group < pictureGroups.size(); group++) {
            for (Path picture : pictureGroups.get(group)) {
                System.arraycopy(readPicture(picture), 0, pixels, index * pixelCount, pixelCount);
                if (labels != null) {
                    labels[index] = group;
                }
                index++;
            }
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return new Dataset(name == null ? folder.toString() : name.toString(), size, size, pixels, labels, classNames);
    }

    /** One picture as {@code size × size} ink intensities, row-major. */
    float[] readPicture(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new DatasetException(file + " is not a readable image: " + reason, e);
        }
        if (image == null) {
            throw new DatasetException(file + " is not a readable image: no PNG or JPEG decoder recognises its content");
        }
        return toInk(image);
    }

    /** Brightness → ink, inverted per {@link #inversion()}, padded to a square and resized. */
    float[] toInk(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] ink = brightness(image);
        float border = borderMean(ink, width, height);
        boolean invert = switch (inversion) {
            case AUTO -> border > 0.5f;
            case NEVER -> false;
            case ALWAYS -> true;
        };
        if (invert) {
            for (int i = 0; i < ink.length; i++) {
                ink[i] = 1f - ink[i];
            }
            border = 1f - border;
        }
        int side = Math.max(width, height);
        float[] square = ink;
        if (width != height) {
            square = new float[side * side];
            Arrays.fill(square, border);
            int left = (side - width) / 2;
            int top = (side - height) / 2;
            for (int y = 0; y < height; y++) {
                System.arraycopy(ink, y * width, square, (top + y) * side + left, width);
            }
        }
        return SquareResampling.resize(square, side, size);
    }

    /**
     * Brightness in [0, 1] per pixel, row-major. Gray images give their samples directly (Java
     * would otherwise treat them as linear light and brighten them); colour images give Rec. 601
     * luma of their sRGB values. Transparency is composited over white.
     */
    static float[] brightness(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] out = new float[width * height];
        ColorModel model = image.getColorModel();
        Raster raster = image.getRaster();
        boolean gray = !(model instanceof IndexColorModel)
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && raster.getNumBands() == (model.hasAlpha() ? 2 : 1);
        if (gray) {
            float grayMax = (1L << model.getComponentSize(0)) - 1;
            int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
            int[] alpha = model.hasAlpha() ? raster.getSamples(0, 0, width, height, 1, (int[]) null) : null;
            float alphaMax = model.hasAlpha() ? (1L << model.getComponentSize(1)) - 1 : 1;
            for (int i = 0; i < out.length; i++) {
                float value = samples[i] / grayMax;
                float a = alpha == null ? 1f : alpha[i] / alphaMax;
                out[i] = clamp01(value * a + (1f - a));
            }
            return out;
        }
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int argb = row[x];
                float a = (argb >>> 24) / 255f;
                float luma = (0.299f * ((argb >> 16) & 0xFF) + 0.587f * ((argb >> 8) & 0xFF)
                        + 0.114f * (argb & 0xFF)) / 255f;
                out[y * width + x] = clamp01(luma * a + (1f - a));
            }
        }
        return out;
    }

    /** The mean of the outermost ring of pixels. */
    static float borderMean(float[] values, int width, int height) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < height; y++) {
            boolean edgeRow = y == 0 || y == height - 1;
            for (int x = 0; x < width; x++) {
                if (edgeRow || x == 0 || x == width - 1) {
                    sum += values[y * width + x];
                    n++;
                }
            }
        }
        return (float) (sum / n);
    }

    private static float clamp01(float v) {
        return v < 0f ? 0f : (v > 1f ? 1f : v);
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(ALPHABETICAL)
                    .toList();
        } catch (IOException e) {
            throw new DatasetException("Cannot list the folder " + folder + ": " + e, e);
        }
    }

    private static List<Path> pictures(Path folder) {
        return list(folder).stream().filter(p -> Files.isRegularFile(p) && hasPictureExtension(p)).toList();
    }

    private static boolean hasPictureExtension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
