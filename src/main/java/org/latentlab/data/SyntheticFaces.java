package org.latentlab.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A procedurally drawn dataset of grayscale faces whose generating factors are known: each face's
 * {@link FaceFactor}s are drawn independently and uniformly, painted by {@link FacePainter} at
 * 28×28 (the size of MNIST, so every model configuration and view fits), and stored as the
 * dataset's {@link Attributes} ("smile", "eyes", "width", "tilt", "hair", "brightness").
 *
 * <p><b>Labels.</b> The smile binned in thirds of its range: {@code frown} (smile &lt; −⅓),
 * {@code neutral} (−⅓ ≤ smile ≤ ⅓) and {@code smile} (smile &gt; ⅓), about a third of the faces
 * each, so a latent scatter coloured by label shows whether the model has laid out the smile.
 *
 * <p><b>Determinism.</b> Face {@code i} depends only on the seed and {@code i} (its factors come from
 * a generator seeded by both), so the first n faces of a larger set are the n faces of a smaller one,
 * on every run and JVM.
 *
 * <p><b>A planted bias.</b> A set made with a {@link RareGroup} has one more attribute,
 * {@value RareGroup#ATTRIBUTE} (1 for the faces of the group); see there how faces join it. The
 * faces of a set without one are exactly those made before rare groups existed.
 *
 * <p><b>Speed and cache.</b> Painting takes about 22 µs of CPU per face (0.43–0.50 CPU-seconds for the
 * default 20,000 on one core), so sets are made on demand and kept in memory (the {@value #CACHED_SETS}
 * most recently asked for, 0.8 KB per face as bytes), not on disk. Thread-safe; the first call for a
 * set paints it on the calling thread, so call it off the FX thread.
 */
public final class SyntheticFaces {

    /** How many faces {@code --dataset faces} makes. */
    public static final int DEFAULT_COUNT = 20_000;
    /** The seed of {@code --dataset faces}. */
    public static final long DEFAULT_SEED = 2016;
    /** The labels, in order: the smile binned in thirds of its range. */
    public static final List<String> CLASS_NAMES = List.of("frown", "neutral", "smile");
    /** The name of the set, as shown to the user. */
    public static final String NAME = "synthetic faces";
    /** The attribute names, in the order of {@link FaceFactor}. */
    public static final List<String> ATTRIBUTE_NAMES = attributeNames();

    static final int CACHED_SETS = 2;
    private static final Map<List<Object>, Dataset> CACHE = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Dataset> eldest) {
            return size() > CACHED_SETS;
        }
    };

    private SyntheticFaces() {
    }

    /** The default set: {@value #DEFAULT_COUNT} faces from seed {@value #DEFAULT_SEED}. */
    public static Dataset load() {
        return generate(DEFAULT_COUNT, DEFAULT_SEED);
    }

    /**
     * {@code count} faces from {@code seed}, made now or taken from the cache.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    public static Dataset generate(int count, long seed) {
        return generate(count, seed, null);
    }

    /**
     * {@code count} faces from {@code seed} with the rare group {@code rare} planted ({@code null}:
     * none), made now or taken from the cache.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     */
    public static Dataset generate(int count, long seed, RareGroup rare) {
        if (count <= 0) {
            throw new IllegalArgumentException("the number of faces must be positive, got " + count);
        }
        List<Object> key = rare == null ? List.of(count, seed) : List.of(count, seed, rare);
        synchronized (CACHE) {
            Dataset cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Dataset made = paint(count, seed, rare);
        synchronized (CACHE) {
            CACHE.putIfAbsent(key, made);
            return CACHE.get(key);
        }
    }

    /** The factors of face {@code index} of the set made from {@code seed}. */
    public static FaceFactors factors(long seed, int index) {
        return FaceFactors.random(generator(seed, index));
    }

    /** Face {@code index} of the set made from {@code seed} with {@code rare} planted: its factors and its group. */
    static Face face(long seed, int index, RareGroup rare) {
        SplittableRandom random = generator(seed, index);
        double[] fractions = FaceFactors.randomFractions(random);
        if (rare == null) {
            return new Face(FaceFactors.atFractions(fractions), false);
        }
        boolean member = random.nextDouble() < rare.share();
        int f = rare.factor().ordinal();
        fractions[f] = rare.place(fractions[f], member);
        return new Face(FaceFactors.atFractions(fractions), member);
    }

    /** One face's factors, and whether it belongs to the rare group. */
    record Face(FaceFactors factors, boolean rare) {
    }

    private static SplittableRandom generator(long seed, int index) {
        return new SplittableRandom(mix64(seed * 0x9E3779B97F4A7C15L + index));
    }

    /**
     * Stafford's 64-bit finaliser ("variant 13", as in SplittableRandom): neighbouring inputs give
     * unrelated outputs, so the generators of neighbouring faces do not share a stream.
     */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The label of a face with this smile: 0 frown, 1 neutral, 2 smile. */
    public static int label(double smile) {
        return smile < -1.0 / 3 ? 0 : smile > 1.0 / 3 ? 2 : 1;
    }

    private static Dataset paint(int count, long seed, RareGroup rare) {
        int n = FacePainter.SIZE * FacePainter.SIZE;
        byte[] pixels = new byte[count * n];
        float[] face = new float[n];
        int[] labels = new int[count];
        FaceFactor[] all = FaceFactor.values();
        double[][] columns = new double[all.length][count];
        double[] members = new double[count];
        for (int i = 0; i < count; i++) {
            Face drawn = face(seed, i, rare);
            FaceFactors factors = drawn.factors();
            members[i] = drawn.rare() ? 1 : 0;
            FacePainter.paint(factors, face, 0);
            for (int k = 0; k < n; k++) {
                pixels[i * n + k] = (byte) Math.round(face[k] * 255f);
            }
            for (int a = 0; a < all.length; a++) {
                columns[a][i] = factors.get(all[a]);
            }
            labels[i] = label(factors.smile());
        }
        String name = rare == null ? NAME : NAME + " with a rare group (" + rare.spec() + ")";
        Dataset faces = Dataset.ofBytes(name, FacePainter.SIZE, FacePainter.SIZE, pixels, labels, CLASS_NAMES);
        Attributes known = Attributes.of(ATTRIBUTE_NAMES, List.of(columns));
        return faces.withAttributes(rare == null ? known
                : known.and(Attributes.of(List.of(RareGroup.ATTRIBUTE), List.of(members))));
    }

    private static List<String> attributeNames() {
        List<String> names = new ArrayList<>();
        for (FaceFactor factor : FaceFactor.values()) {
            names.add(factor.attributeName());
        }
        return List.copyOf(names);
    }
}
