package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * One step of the reference VAE against the numpy peer's export (src/test/resources/.../numpy-peer):
 * the same weights (rebuilt bit for bit with numpy's generator), the same 16 images and the same ε
 * must give the same loss and the same gradient, tensor by tensor.
 */
class NumpyPeerParityTest {

    private static final String FIXTURE = "numpy-peer/";
    private static final int BATCH = 16;
    /** The peer's tensors in the order of the flat parameter array: name, fan-in, fan-out. */
    private static final List<Layer> LAYERS = List.of(new Layer("enc", 784, 256), new Layer("mu", 256, 2),
            new Layer("logvar", 256, 2), new Layer("dec1", 2, 256), new Layer("dec2", 256, 784));

    record Layer(String name, int inputs, int outputs) {
    }

    @Test
    void oneStepGivesThePeersLossAndGradient() {
        float[] parameters = peerInitialWeights();
        DenseAutoencoder model = new DenseAutoencoder(ModelConfig.reference(ModelKind.VAE, 42));
        model.restore(new ModelState(parameters, new float[2 * parameters.length], 0));

        Map<String, double[]> peer = peerChecks();
        BatchLosses losses = model.computeGradients(floats("x.f32.gz", BATCH * 784), BATCH, LossWeights.ELBO,
                new FixedNoise(floats("eps.f32.gz", BATCH * 2)));
        assertEquals(peer.get("loss")[0], losses.objective(), 2e-5 * peer.get("loss")[0]);

        float[] gradient = model.gradient();
        int offset = 0;
        for (Layer layer : LAYERS) {
            int weights = layer.inputs * layer.outputs;
            assertSums(layer.name + "_W", gradient, offset, weights, peer);
            assertSums(layer.name + "_b", gradient, offset + weights, layer.outputs, peer);
            offset += weights + layer.outputs;
        }
        assertEquals(gradient.length, offset);
    }

    /** Our sum and absolute sum of a gradient tensor against the peer's, relative to its absolute sum. */
    private static void assertSums(String tensor, float[] gradient, int from, int length, Map<String, double[]> peer) {
        double sum = 0;
        double absoluteSum = 0;
        for (int i = from; i < from + length; i++) {
            sum += gradient[i];
            absoluteSum += Math.abs(gradient[i]);
        }
        double[] expected = peer.get(tensor);
        double tolerance = 1e-4 * expected[1];
        assertEquals(expected[0], sum, tolerance, tensor + " gradient sum");
        assertEquals(expected[1], absoluteSum, tolerance, tensor + " gradient absolute sum");
    }

    /**
     * The peer's initial weights in this network's flat layout: per layer W (fan-in × fan-out, row
     * major) then b, each value U(−1/√fan_in, 1/√fan_in) from {@code default_rng(42)} in that order,
     * as {@code vae_numpy.init_params} draws them. The peer's exported files are checked by CRC.
     */
    private static float[] peerInitialWeights() {
        NumpyPcg64 random = new NumpyPcg64(42);
        Map<String, Long> crcs = new HashMap<>();
        for (String line : text("weights.crc32").split("\n")) {
            String[] parts = line.trim().split(" ");
            crcs.put(parts[0], Long.parseLong(parts[1]));
        }
        int total = LAYERS.stream().mapToInt(l -> (l.inputs + 1) * l.outputs).sum();
        float[] parameters = new float[total];
        int offset = 0;
        for (Layer layer : LAYERS) {
            double bound = 1.0 / Math.sqrt(layer.inputs);
            int count = (layer.inputs + 1) * layer.outputs;
            for (int i = 0; i < count; i++) {
                parameters[offset + i] = (float) random.uniform(-bound, bound);
            }
            // The peer exports W as fan-out × fan-in (PyTorch's layout), then b.
            ByteBuffer w = ByteBuffer.allocate(layer.inputs * layer.outputs * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int out = 0; out < layer.outputs; out++) {
                for (int in = 0; in < layer.inputs; in++) {
                    w.putFloat(parameters[offset + in * layer.outputs + out]);
                }
            }
            ByteBuffer b = ByteBuffer.allocate(layer.outputs * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int out = 0; out < layer.outputs; out++) {
                b.putFloat(parameters[offset + layer.inputs * layer.outputs + out]);
            }
            assertEquals(crcs.get(layer.name + "_W.f32"), crc(w.array()), layer.name + " weights differ from the peer's");
            assertEquals(crcs.get(layer.name + "_b.f32"), crc(b.array()), layer.name + " biases differ from the peer's");
            offset += count;
        }
        return parameters;
    }

    /** "check loss L" and "check grad NAME sum S abssum A" lines. */
    private static Map<String, double[]> peerChecks() {
        Map<String, double[]> checks = new HashMap<>();
        for (String line : text("check.txt").split("\n")) {
            String[] p = line.trim().split("\\s+");
            if (p.length == 3 && p[1].equals("loss")) {
                checks.put("loss", new double[] {Double.parseDouble(p[2])});
            } else if (p.length == 7 && p[1].equals("grad")) {
                checks.put(p[2], new double[] {Double.parseDouble(p[4]), Double.parseDouble(p[6])});
            }
        }
        assertTrue(checks.size() == 11, "check.txt holds the loss and 10 gradient lines");
        return checks;
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static float[] floats(String name, int count) {
        byte[] bytes = bytes(name);
        assertEquals(count * 4, bytes.length, name);
        float[] values = new float[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream raw = NumpyPeerParityTest.class.getResourceAsStream(FIXTURE + name)) {
            if (raw == null) {
                throw new IllegalStateException("missing test resource " + FIXTURE + name);
            }
            try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hands out the peer's ε, in order, as the model's Gaussian noise. */
    private static final class FixedNoise implements RandomGenerator {
        private final float[] values;
        private int next;

        FixedNoise(float[] values) {
            this.values = values;
        }

        @Override
        public double nextGaussian() {
            return values[next++];
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the model only draws Gaussian noise");
        }
    }
}
