package org.latentlab.model;

/**
 * numpy's default random generator, {@code numpy.random.default_rng(seed)}: PCG64 (XSL-RR 128/64)
 * seeded through {@code SeedSequence}, with {@code uniform(low, high)} as numpy computes it. Lets a
 * test rebuild the numpy peer's initial weights bit for bit instead of shipping them. Not thread-safe.
 */
final class NumpyPcg64 {

    private static final long MULTIPLIER_HIGH = 2549297995355413924L;
    private static final long MULTIPLIER_LOW = 4865540595714422341L;

    private long stateHigh;
    private long stateLow;
    private final long incrementHigh;
    private final long incrementLow;

    /** The generator of {@code default_rng(seed)} for a seed in 0..2³²−1. */
    NumpyPcg64(int seed) {
        long[] words = SeedSequence.generateState(seed, 4);
        long seedHigh = words[0];
        long seedLow = words[1];
        // inc = (initseq << 1) | 1
        this.incrementHigh = (words[2] << 1) | (words[3] >>> 63);
        this.incrementLow = (words[3] << 1) | 1;
        step();
        long low = stateLow + seedLow;
        stateHigh = stateHigh + seedHigh + (Long.compareUnsigned(low, stateLow) < 0 ? 1 : 0);
        stateLow = low;
        step();
    }

    /** state ← state · multiplier + increment (mod 2¹²⁸). */
    private void step() {
        long productLow = stateLow * MULTIPLIER_LOW;
        long productHigh = unsignedMultiplyHigh(stateLow, MULTIPLIER_LOW) + stateLow * MULTIPLIER_HIGH
                + stateHigh * MULTIPLIER_LOW;
        long low = productLow + incrementLow;
        stateHigh = productHigh + incrementHigh + (Long.compareUnsigned(low, productLow) < 0 ? 1 : 0);
        stateLow = low;
    }

    long nextLong() {
        step();
        return Long.rotateRight(stateHigh ^ stateLow, (int) (stateHigh >>> 58));
    }

    /** numpy's {@code next_double}: 53 random bits in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * (1.0 / 9007199254740992.0);
    }

    /** numpy's {@code Generator.uniform(low, high)} for one value: low + (high − low) · next_double. */
    double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    private static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** numpy's {@code SeedSequence(entropy)} for one 32-bit entropy word, pool of four words. */
    private static final class SeedSequence {
        private static final int POOL_SIZE = 4;
        private static final int INIT_A = 0x43b0d7e5;
        private static final int MULT_A = 0x931e8875;
        private static final int INIT_B = 0x8b51f9dd;
        private static final int MULT_B = 0x58f38ded;
        private static final int MIX_MULT_L = 0xca01f9dd;
        private static final int MIX_MULT_R = 0x4973f715;
        private static final int XSHIFT = 16;

        private int hashConst;

        private int hashmix(int value) {
            value ^= hashConst;
            hashConst *= MULT_A;
            value *= hashConst;
            return value ^ (value >>> XSHIFT);
        }

        private static int mix(int x, int y) {
            int result = MIX_MULT_L * x - MIX_MULT_R * y;
            return result ^ (result >>> XSHIFT);
        }

        private int[] pool(int entropy) {
            hashConst = INIT_A;
            int[] pool = new int[POOL_SIZE];
            for (int i = 0; i < POOL_SIZE; i++) {
                pool[i] = hashmix(i == 0 ? entropy : 0);
            }
            for (int source = 0; source < POOL_SIZE; source++) {
                for (int target = 0; target < POOL_SIZE; target++) {
                    if (source != target) {
                        pool[target] = mix(pool[target], hashmix(pool[source]));
                    }
                }
            }
            return pool;
        }

        /** {@code generate_state(words, uint64)}: pairs of 32-bit words, low word first. */
        static long[] generateState(int entropy, int words) {
            int[] pool = new SeedSequence().pool(entropy);
            int hash = INIT_B;
            long[] state = new long[words];
            for (int i = 0; i < 2 * words; i++) {
                int value = pool[i % POOL_SIZE] ^ hash;
                hash *= MULT_B;
                value *= hash;
                value ^= value >>> XSHIFT;
                state[i / 2] |= (value & 0xFFFFFFFFL) << (32 * (i % 2));
            }
            return state;
        }
    }
}
