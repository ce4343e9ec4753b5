package org.latentlab.ui.attributes;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentlab.data.DigitFraming;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.training.DecodeService;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.scatter.ScatterOverlay;

/**
 * A drawing pad of the model's image size (28 × 28): strokes of a thick, soft brush, the drawing
 * framed as MNIST's digits were ({@link DigitFraming}), encoded by the model being trained, its
 * posterior q(z|x) drawn on the latent scatter and its reconstruction decoded.
 *
 * <p>Each change asks {@link ImageEncoder} for an encoding, one at a time: while one is on its way,
 * further strokes only mark the drawing as changed, and it is sent again when the answer comes, so
 * a fast stroke never queues work. The drawing is encoded again with every new snapshot, so its
 * posterior moves as the model learns. Answers arrive on another thread and are taken up in the
 * next frame.
 *
 * <p>Uses {@code javafx.beans} only; confined to the JavaFX application thread (or a test's thread).
 */
public final class DrawingPadViewModel {

    /** The brush's radius in image pixels: full ink within it, fading to none one pixel further. */
    public static final double BRUSH_RADIUS = 1.3;
    /** An encoding not back after this long is given up (its model was replaced), and the drawing sent again. */
    static final long ENCODE_PATIENCE_NANOS = 2_000_000_000L;
    private static final double BRUSH_STEP = 0.25;

    private record Arrival(long id, Encoding encoding, float[] input, long askedAt) {
    }

    private final ImageEncoder encoder;
    private final DecodeRequests decodes;
    private final AtomicReference<Arrival> arrived = new AtomicReference<>();
    private final BooleanProperty frame = new SimpleBooleanProperty(this, "frame", true);
    private final ReadOnlyObjectWrapper<ImageStrip> pad = new ReadOnlyObjectWrapper<>(this, "pad");
    private final ReadOnlyObjectWrapper<ImageStrip> encodedInput = new ReadOnlyObjectWrapper<>(this, "encodedInput");
    private final ReadOnlyObjectWrapper<ImageStrip> reconstruction = new ReadOnlyObjectWrapper<>(this, "reconstruction");
    private final ReadOnlyObjectWrapper<Encoding> encoding = new ReadOnlyObjectWrapper<>(this, "encoding");
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyObjectWrapper<ScatterOverlay> overlay = new ReadOnlyObjectWrapper<>(this, "overlay", ScatterOverlay.NONE);
    private final ReadOnlyLongWrapper encodeLatency = new ReadOnlyLongWrapper(this, "encodeLatency", -1);

    private int width = 28;
    private int height = 28;
    private float[] pixels = new float[width * height];
    private DecoderWeights decoder;
    private long askedId;
    private long clearedId;
    private long askedAt;
    private boolean inFlight;
    private boolean changed;

    /**
     * @param channel where the drawing's reconstruction is decoded
     * @param encoder encodes the drawing with the model being trained
     */
    public DrawingPadViewModel(DecodeService.Channel channel, ImageEncoder encoder) {
        this.decodes = new DecodeRequests(channel);
        this.encoder = encoder;
        frame.addListener(o -> encode());
        showPad();
    }

    /** Takes a new snapshot: the pad takes the model's image size, and the drawing is encoded again. */
    public void update(TrainingSnapshot snapshot) {
        decoder = snapshot.decoder();
        int w = snapshot.probe().imageWidth();
        int h = snapshot.probe().imageHeight();
        if (w != width || h != height) {
            width = w;
            height = h;
            clear();
            return;
        }
        encode();
    }

    /** A stroke of the brush from (x0, y0) to (x1, y1), in image pixels from the top-left corner. */
    public void stroke(double x0, double y0, double x1, double y1) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        int dabs = (int) Math.ceil(length / BRUSH_STEP) + 1;
        for (int k = 0; k < dabs; k++) {
            double t = dabs == 1 ? 0 : (double) k / (dabs - 1);
            dab(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
        }
        empty.set(false);
        showPad();
        encode();
    }

    /** Ink from one touch of the brush centred at (x, y): coverage clamp(r + ½ − distance, 0, 1), kept if darker. */
    private void dab(double x, double y) {
        int reach = (int) Math.ceil(BRUSH_RADIUS + 1);
        for (int row = (int) Math.floor(y) - reach; row <= (int) Math.floor(y) + reach; row++) {
            for (int column = (int) Math.floor(x) - reach; column <= (int) Math.floor(x) + reach; column++) {
                if (row < 0 || column < 0 || row >= height || column >= width) {
                    continue;
                }
                double distance = Math.hypot(column + 0.5 - x, row + 0.5 - y);
                float ink = (float) Math.max(0, Math.min(1, BRUSH_RADIUS + 0.5 - distance));
                int p = row * width + column;
                pixels[p] = Math.max(pixels[p], ink);
            }
        }
    }

    /** Wipes the pad; the drawing's encoding, reconstruction and ellipse go. */
    public void clear() {
        pixels = new float[width * height];
        clearedId = askedId;
        changed = false;
        empty.set(true);
        encoding.set(null);
        encodedInput.set(null);
        reconstruction.set(null);
        overlay.set(ScatterOverlay.NONE);
        decodes.forgetEarlier();
        showPad();
    }

    private void showPad() {
        pad.set(new ImageStrip(pixels.clone(), 1, width, height));
    }

    /** Sends the drawing to the encoder, or marks it changed if an encoding is on its way. */
    private void encode() {
        if (empty.get()) {
            return;
        }
        long now = System.nanoTime();
        if (inFlight && now - askedAt < ENCODE_PATIENCE_NANOS) {
            changed = true;
            return;
        }
        float[] input = frame.get() ? DigitFraming.frame(pixels, width, height) : pixels.clone();
        long id = ++askedId;
        askedAt = now;
        changed = false;
        inFlight = encoder.encode(input, result -> arrived.set(new Arrival(id, result, input, now)));
    }

    /** Takes up a finished encoding and reconstruction; called once per frame. */
    public void pulse() {
        Arrival got = arrived.getAndSet(null);
        if (got != null) {
            inFlight = false;
            if (got.id() > clearedId && (decoder == null || got.encoding().latentSize() == decoder.latentSize())) {
                encodeLatency.set(System.nanoTime() - got.askedAt());
                encodedInput.set(new ImageStrip(got.input(), 1, width, height));
                encoding.set(got.encoding());
                overlay.set(new ScatterOverlay(List.of(),
                        new ScatterOverlay.Posterior(got.encoding().means(), got.encoding().logVariances())));
                if (decoder != null) {
                    decodes.request(decoder, got.encoding().means(), 1);
                }
            }
            if (changed) {
                encode();
            }
        }
        DecodeService.DecodeResult result = decodes.takeNew();
        if (result != null) {
            reconstruction.set(new ImageStrip(result.images(), 1, result.imageWidth(), result.imageHeight()));
        }
    }

    // ---- properties -----------------------------------------------------------------------------

    /** Frame the drawing as MNIST's digits were before encoding it (on by default). */
    public BooleanProperty frameProperty() {
        return frame;
    }

    /** What is on the pad. */
    public ReadOnlyObjectProperty<ImageStrip> padProperty() {
        return pad.getReadOnlyProperty();
    }

    /** The image the encoder was given: the drawing, framed if asked; {@code null} before the first encoding. */
    public ReadOnlyObjectProperty<ImageStrip> encodedInputProperty() {
        return encodedInput.getReadOnlyProperty();
    }

    /** The drawing decoded at its posterior mean. */
    public ReadOnlyObjectProperty<ImageStrip> reconstructionProperty() {
        return reconstruction.getReadOnlyProperty();
    }

    /** The drawing's posterior (one image); {@code null} while the pad is empty. */
    public ReadOnlyObjectProperty<Encoding> encodingProperty() {
        return encoding.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The drawing's posterior, to draw on the latent scatter. */
    public ReadOnlyObjectProperty<ScatterOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** Nanoseconds from asking for the last encoding taken up to taking it up; −1 before the first. */
    public ReadOnlyLongProperty encodeLatencyProperty() {
        return encodeLatency.getReadOnlyProperty();
    }
}
