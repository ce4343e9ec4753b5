package org.latentlab.ui.samples;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.latentlab.latent.PriorSamples;
import org.latentlab.model.DecoderOutput;
import org.latentlab.model.DecoderWeights;
import org.latentlab.model.Encoding;
import org.latentlab.training.DecodeService;
import org.latentlab.training.ProbeSet;
import org.latentlab.training.TimelineLayout;
import org.latentlab.training.TrainingSnapshot;
import org.latentlab.ui.DecodingChoices;

/**
 * Two strips that show what the model has learned: held-out images over their reconstructions
 * (decoded at the posterior mean), and images decoded from fixed draws z ~ N(0, I) of the prior,
 * the same draws each time so that a class watches them sharpen. Uses {@code javafx.beans} only;
 * confined to the JavaFX application thread (or a test's thread).
 */
public final class SampleStripsViewModel {

    public static final int STRIP_LENGTH = TimelineLayout.STRIP_LENGTH;

    private final DecodeService.Channel reconstructionChannel;
    private final DecodeService.Channel sampleChannel;
    private final ReadOnlyObjectWrapper<Strip> inputs = new ReadOnlyObjectWrapper<>(this, "inputs");
    private final ReadOnlyObjectWrapper<Strip> reconstructions = new ReadOnlyObjectWrapper<>(this, "reconstructions");
    private final ReadOnlyObjectWrapper<Strip> samples = new ReadOnlyObjectWrapper<>(this, "samples");
    private final BooleanProperty decoderSample = new SimpleBooleanProperty(this, "decoderSample", false);

    private float[] shownProbe;
    private int[] chosen = new int[0];
    private DecoderWeights decoder;
    private TrainingSnapshot lastSnapshot;
    private float[] priorDraws;
    private long sampleSeed = TimelineLayout.PRIOR_SEED;
    private float[] reconstructionRequest;
    private DecodeService.DecodeResult shownReconstructions;
    private DecodeService.DecodeResult shownSamples;
    /** The model's own strips, kept while recorded ones are shown; see {@link #showRecorded}. */
    private Strip[] liveStrips;

    /** A row of images, {@code count × width × height} intensities. */
    public record Strip(float[] pixels, int count, int width, int height) {
    }

    public SampleStripsViewModel(DecodeService.Channel reconstructions, DecodeService.Channel samples) {
        this.reconstructionChannel = reconstructions;
        this.sampleChannel = samples;
        decoderSample.addListener(o -> {
            if (lastSnapshot != null && liveStrips == null) {
                decoder = null;
                priorDraws = priorDraws == null ? null : priorDraws.clone(); // a decode still under way is not shown
                update(lastSnapshot);
            }
        });
    }

    /** Takes a new snapshot: asks for the strips to be decoded with its decoder. */
    public void update(TrainingSnapshot snapshot) {
        lastSnapshot = snapshot;
        ProbeSet probe = snapshot.probe();
        boolean newProbe = shownProbe != probe.pixels();
        if (newProbe) {
            shownProbe = probe.pixels();
            chosen = probe.oneOfEachClass(STRIP_LENGTH);
            float[] pixels = new float[chosen.length * probe.imageWidth() * probe.imageHeight()];
            for (int k = 0; k < chosen.length; k++) {
                System.arraycopy(probe.image(chosen[k]), 0, pixels, k * probe.imageWidth() * probe.imageHeight(),
                        probe.imageWidth() * probe.imageHeight());
            }
            inputs.set(new Strip(pixels, chosen.length, probe.imageWidth(), probe.imageHeight()));
        }
        if (snapshot.decoder() == decoder || liveStrips != null) {
            return;
        }
        boolean newShape = decoder == null || decoder.latentSize() != snapshot.decoder().latentSize();
        decoder = snapshot.decoder();
        if (newShape || priorDraws == null) {
            priorDraws = PriorSamples.draw(STRIP_LENGTH, decoder.latentSize(), sampleSeed);
        }
        Encoding encoding = probe.encoding();
        int d = encoding.latentSize();
        reconstructionRequest = new float[chosen.length * d];
        for (int k = 0; k < chosen.length; k++) {
            System.arraycopy(encoding.means(), chosen[k] * d, reconstructionRequest, k * d, d);
        }
        reconstructionChannel.request(decoder, reconstructionRequest,
                DecodingChoices.classesOf(decoder, probe.labels(), chosen), chosen.length, output());
        requestSamples();
    }

    /** Decodes the prior draws, a conditional VAE's in each class in turn. */
    private void requestSamples() {
        sampleChannel.request(decoder, priorDraws, DecodingChoices.everyClass(decoder, STRIP_LENGTH), STRIP_LENGTH,
                output());
    }

    private DecoderOutput output() {
        return DecodingChoices.output(decoderSample.get());
    }

    /**
     * Shows strips recorded at a moment of training (the same held-out images' reconstructions, and
     * samples from the first prior draws) until {@link #showLive()}: decodes meanwhile are kept back.
     */
    public void showRecorded(Strip recordedReconstructions, Strip recordedSamples) {
        if (liveStrips == null) {
            liveStrips = new Strip[] {reconstructions.get(), samples.get()};
        }
        reconstructions.set(recordedReconstructions);
        samples.set(recordedSamples);
    }

    /** Goes back to the model's own strips, decoded again with the next {@link #update}. */
    public void showLive() {
        if (liveStrips == null) {
            return;
        }
        reconstructions.set(liveStrips[0]);
        samples.set(liveStrips[1]);
        liveStrips = null;
        decoder = null;
    }

    /** Draws new prior samples and decodes them with the current decoder. */
    public void resample() {
        sampleSeed++;
        if (decoder != null) {
            priorDraws = PriorSamples.draw(STRIP_LENGTH, decoder.latentSize(), sampleSeed);
            requestSamples();
        }
    }

    /** Takes up finished decodes; called once per frame. */
    public void pulse() {
        if (liveStrips != null) {
            return;
        }
        DecodeService.DecodeResult r = reconstructionChannel.latest();
        if (r != null && r != shownReconstructions && r.request().latents() == reconstructionRequest) {
            shownReconstructions = r;
            reconstructions.set(new Strip(r.images(), r.request().count(), r.imageWidth(), r.imageHeight()));
        }
        DecodeService.DecodeResult s = sampleChannel.latest();
        if (s != null && s != shownSamples && s.request().latents() == priorDraws) {
            shownSamples = s;
            samples.set(new Strip(s.images(), s.request().count(), s.imageWidth(), s.imageHeight()));
        }
    }

    /** Whether the strips show a sample of p(x|z) for each code rather than its mean. */
    public BooleanProperty decoderSampleProperty() {
        return decoderSample;
    }

    public ReadOnlyObjectProperty<Strip> inputsProperty() {
        return inputs.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Strip> reconstructionsProperty() {
        return reconstructions.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Strip> samplesProperty() {
        return samples.getReadOnlyProperty();
    }
}
