package org.latentlab.training;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.latentlab.io.AtomicFile;
import org.latentlab.model.Activation;
import org.latentlab.model.DecoderVariance;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.ModelState;

/**
 * A trained model in one file: a zip holding {@code run.properties} (configuration and dataset),
 * {@code parameters.f32} and {@code optimizer.f32} (little-endian float32; the latter absent when
 * the run was saved without Adam's moments, as the ready-trained runs are), the histories as
 * {@code epochs.csv} and {@code iterations.csv}, and its timeline as {@code timeline.bin} when one
 * was recorded ({@link TimelineFile}). Readable with ordinary tools.
 *
 * <p>Saving goes through {@link AtomicFile}: a crash or a full disk leaves either the old file or
 * the new one, never half of one.
 */
public final class RunFile {

    /** The conventional file name inside a run folder. */
    public static final String FILE_NAME = "model.latentlab";

    /** The longest history read back; at 270 iterations a second, 20 hours of training. */
    public static final long MAX_ITERATIONS = 20_000_000;

    private static final String FORMAT = "latent-lab-run";
    /**
     * 2: a hierarchical VAE's {@code model.upperLatentSize} and its KL by level in the histories
     * (written only for that model; a version-1 file reads as before).
     * 3: {@code training.debias} (written only when debiasing; a file without it trains with a plain
     * shuffle) and the rare group's columns in {@code epochs.csv} (only for a set with a rare group).
     * 4: a conditional VAE's {@code model.conditionClasses}, and a learned decoder σ's
     * {@code model.decoderVariance} with its log σ first in {@code parameters.f32} and σ in
     * {@code iterations.csv} (each written only when it is not the old behaviour; files of
     * versions 1 to 3 read as before).
     * 5: {@code optimizer.f32} may be absent (Adam's moments were dropped: training on starts Adam
     * again), and {@code state.optimizerSteps}, the steps the moments have averaged, is written when
     * it is not {@code state.steps} (docs/decisions/0091).
     */
    private static final int VERSION = 5;
    private static final int MAX_PROPERTIES_BYTES = 1 << 16;
    private static final String OPTIMIZER_ENTRY = "optimizer.f32";

    private RunFile() {
    }

    /**
     * Writes {@code run} to {@code target} through {@link AtomicFile}: whole or not at all.
     *
     * @throws IOException saying what went wrong and that the file already there is unchanged
     */
    public static void save(SavedRun run, Path target) throws IOException {
        AtomicFile.write(target, file -> write(run, file));
    }

    /** The run file's bytes, into {@code file}. */
    static void write(SavedRun run, OutputStream file) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(file);
        put(zip, "run.properties", propertiesOf(run));
        put(zip, "parameters.f32", floatsToBytes(run.state().parameters()));
        if (!run.state().optimizerStateDropped()) {
            put(zip, OPTIMIZER_ENTRY, floatsToBytes(run.state().optimizerState()));
        }
        put(zip, "epochs.csv", text(out -> HistoryCsv.writeEpochs(run.epochs(), run.modelConfig().latentLevels(), out)));
        put(zip, "iterations.csv", text(out -> HistoryCsv.writeIterations(run.iterations(), out)));
        if (!run.timeline().isEmpty()) {
            zip.setLevel(Deflater.NO_COMPRESSION); // its frames are compressed (but the last few recorded, maybe)
            zip.putNextEntry(new ZipEntry(TimelineFile.ENTRY_NAME));
            TimelineFile.write(run.timeline(), zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Reads a run file. Nothing is allocated from a size the file states before that size has been
     * checked: the network must fit {@link ModelConfig}'s bounds, each entry is read no further than
     * the network and the step count say it may go, and the history holds at most
     * {@value #MAX_ITERATIONS} iterations.
     *
     * <p>Temporary files that an interrupted save of the same file left beside it are deleted
     * first ({@link AtomicFile#removeLeftovers}).
     *
     * <p>A history longer than the model's step count (written by earlier versions when a
     * diverged step had put the weights back but not the history) is cut back to the steps.
     *
     * @throws RunFileException naming the file and what is wrong with it
     */
    public static SavedRun load(Path source) {
        AtomicFile.removeLeftovers(source);
        if (!Files.exists(source)) {
            throw new RunFileException(source + ": no such file");
        }
        if (Files.isDirectory(source)) {
            throw new RunFileException(source + " is a folder, not a Latent Lab model file");
        }
        try (ZipFile zip = new ZipFile(source.toFile())) {
            return read(zip, source);
        } catch (ZipException e) {
            throw new RunFileException(source + " is damaged or not a Latent Lab model file: it is not a complete zip"
                    + " file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RunFileException(source + " could not be read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new RunFileException(source + " holds a model too large for the memory Java was given ("
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)");
        }
    }

    private static SavedRun read(ZipFile zip, Path source) throws IOException {
        try {
            Properties p = new Properties();
            p.load(text(zip, "run.properties", MAX_PROPERTIES_BYTES));
            if (!FORMAT.equals(p.getProperty("format"))) {
                throw new RunFileException(source + " is not a Latent Lab model file (format '"
                        + p.getProperty("format") + "', expected '" + FORMAT + "')");
            }
            int version = Integer.parseInt(value(p, "version"));
            if (version > VERSION) {
                throw new RunFileException(source + " was written by a newer Latent Lab (file version " + version
                        + ", this one reads up to " + VERSION + ")");
            }
            ModelConfig model = modelConfigOf(p);
            TrainingConfig training = trainingConfigOf(p);
            long steps = Long.parseLong(value(p, "state.steps"));
            if (steps > MAX_ITERATIONS) {
                throw new RunFileException(String.format(Locale.ROOT, "%s holds a run of %,d iterations, more than the"
                        + " %,d Latent Lab reads", source, steps, MAX_ITERATIONS));
            }
            long count = model.parameterCount();
            float[] parameters = floats(zip, "parameters.f32", count, "the network it describes has "
                    + count + " weights and biases");
            ModelState state = new ModelState(parameters, optimizerState(zip, count), steps,
                    optimizerSteps(zip, p, steps));
            int levels = model.latentLevels();
            IterationHistory iterations = HistoryCsv.readIterations(text(zip, "iterations.csv"), steps, levels,
                    model.decoderVariance());
            List<EpochMetrics> epochs = HistoryCsv.readEpochs(text(zip, "epochs.csv"), iterations.size(), levels);
            return new SavedRun(model, training, value(p, "dataset"), state, iterations.view(), epochs,
                    timeline(zip, model, iterations.size()));
        } catch (RunFileException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new RunFileException(source + " is damaged: " + e.getMessage());
        }
    }

    /** Adam's moments, or zeros when the run was saved without them. */
    private static float[] optimizerState(ZipFile zip, long count) throws IOException {
        if (zip.getEntry(OPTIMIZER_ENTRY) == null) {
            return new float[Math.toIntExact(2 * count)];
        }
        return floats(zip, OPTIMIZER_ENTRY, 2 * count, "the network it describes needs 2 × " + count
                + " optimizer moments");
    }

    /**
     * The steps Adam's moments have averaged: {@code state.optimizerSteps}, or every step when the
     * moments are there and it is not (files before version 5), or none when they are not.
     * {@link ModelState} checks it against the step count.
     */
    private static long optimizerSteps(ZipFile zip, Properties p, long steps) throws IOException {
        boolean moments = zip.getEntry(OPTIMIZER_ENTRY) != null;
        long averaged = Long.parseLong(p.getProperty("state.optimizerSteps", Long.toString(moments ? steps : 0)));
        if (!moments && averaged > 0) {
            throw new IOException("state.optimizerSteps says Adam's moments have averaged " + averaged
                    + " steps, but the file holds no " + OPTIMIZER_ENTRY);
        }
        return averaged;
    }

    /** The run's timeline; empty in files saved before timelines were (docs/decisions/0096). */
    private static TrainingTimeline timeline(ZipFile zip, ModelConfig model, long steps) throws IOException {
        ZipEntry entry = zip.getEntry(TimelineFile.ENTRY_NAME);
        if (entry == null) {
            return TrainingTimeline.empty();
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return TimelineFile.read(in, model, steps);
        } catch (EOFException e) {
            throw new IOException(TimelineFile.ENTRY_NAME + " ends early");
        }
    }

    private static String propertiesOf(SavedRun run) throws IOException {
        ModelConfig m = run.modelConfig();
        TrainingConfig t = run.trainingConfig();
        Properties p = new Properties();
        p.setProperty("format", FORMAT);
        p.setProperty("version", Integer.toString(VERSION));
        p.setProperty("dataset", run.datasetSpec());
        p.setProperty("model.kind", m.kind().cliName());
        p.setProperty("model.imageWidth", Integer.toString(m.imageWidth()));
        p.setProperty("model.imageHeight", Integer.toString(m.imageHeight()));
        p.setProperty("model.hiddenSizes", String.join(",", m.hiddenSizes().stream().map(String::valueOf).toList()));
        p.setProperty("model.latentSize", Integer.toString(m.latentSize()));
        p.setProperty("model.activation", m.activation().cliName());
        p.setProperty("model.likelihood", m.likelihood().cliName());
        p.setProperty("model.decoderStd", Double.toString(m.decoderStd()));
        p.setProperty("model.seed", Long.toString(m.seed()));
        if (m.upperLatentSize() != 0) {
            p.setProperty("model.upperLatentSize", Integer.toString(m.upperLatentSize()));
        }
        if (m.conditionClasses() != 0) {
            p.setProperty("model.conditionClasses", Integer.toString(m.conditionClasses()));
        }
        if (m.decoderVariance() != DecoderVariance.FIXED) {
            p.setProperty("model.decoderVariance", m.decoderVariance().cliName());
        }
        p.setProperty("training.learningRate", Double.toString(t.learningRate()));
        p.setProperty("training.batchSize", Integer.toString(t.batchSize()));
        p.setProperty("training.epochs", Integer.toString(t.epochs()));
        p.setProperty("training.beta", Double.toString(t.beta().target()));
        p.setProperty("training.betaSchedule", t.beta().describe());
        p.setProperty("training.betaScheduleStart", Long.toString(t.beta().start()));
        p.setProperty("training.loss", t.lossTerms().cliName());
        p.setProperty("training.seed", Long.toString(t.seed()));
        if (t.debiasing()) {
            p.setProperty("training.debias", Double.toString(t.debias()));
        }
        p.setProperty("state.steps", Long.toString(run.state().steps()));
        if (run.state().optimizerSteps() != run.state().steps()) {
            p.setProperty("state.optimizerSteps", Long.toString(run.state().optimizerSteps()));
        }
        StringWriter out = new StringWriter();
        p.store(out, "Latent Lab run");
        return out.toString();
    }

    private static ModelConfig modelConfigOf(Properties p) throws IOException {
        List<Integer> hidden = new ArrayList<>();
        for (String size : value(p, "model.hiddenSizes").split(",")) {
            hidden.add(Integer.parseInt(size.trim()));
        }
        return new ModelConfig(ModelKind.fromCliName(value(p, "model.kind")),
                Integer.parseInt(value(p, "model.imageWidth")), Integer.parseInt(value(p, "model.imageHeight")),
                hidden, Integer.parseInt(value(p, "model.latentSize")),
                Activation.fromCliName(value(p, "model.activation")),
                Likelihood.fromCliName(value(p, "model.likelihood")),
                Double.parseDouble(value(p, "model.decoderStd")), Long.parseLong(value(p, "model.seed")),
                Integer.parseInt(p.getProperty("model.upperLatentSize", "0")),
                Integer.parseInt(p.getProperty("model.conditionClasses", "0")),
                DecoderVariance.fromCliName(p.getProperty("model.decoderVariance", DecoderVariance.FIXED.cliName())));
    }

    private static TrainingConfig trainingConfigOf(Properties p) throws IOException {
        double beta = Double.parseDouble(value(p, "training.beta"));
        return new TrainingConfig(Double.parseDouble(value(p, "training.learningRate")),
                Integer.parseInt(value(p, "training.batchSize")), Integer.parseInt(value(p, "training.epochs")),
                BetaSchedule.parse(value(p, "training.betaSchedule"), beta)
                        .startingAt(Long.parseLong(p.getProperty("training.betaScheduleStart", "0"))),
                LossTerms.fromCliName(value(p, "training.loss")), Long.parseLong(value(p, "training.seed")),
                Double.parseDouble(p.getProperty("training.debias", "0")));
    }

    private static String value(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("run.properties has no '" + key + "'");
        }
        return value;
    }

    private static ZipEntry required(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("the entry '" + name + "' is missing");
        }
        return entry;
    }

    /** A text entry, read as UTF-8; callers bound how much of it they read. */
    private static Reader text(ZipFile zip, String name) throws IOException {
        return new InputStreamReader(zip.getInputStream(required(zip, name)), StandardCharsets.UTF_8);
    }

    /** A text entry of at most {@code maxBytes}, whole. */
    private static Reader text(ZipFile zip, String name, int maxBytes) throws IOException {
        ZipEntry entry = required(zip, name);
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new IOException(name + " is longer than the " + maxBytes + " bytes it may have");
            }
            return new StringReader(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /**
     * An entry of {@code count} little-endian float32 values, all finite. Its size is checked
     * against {@code count} (from the validated configuration) before the array is made, and no
     * more than {@code 4 × count} bytes are read.
     *
     * @param needs what {@code count} is, for the message: "the network it describes has 640 weights and biases"
     */
    private static float[] floats(ZipFile zip, String name, long count, String needs) throws IOException {
        ZipEntry entry = required(zip, name);
        long expected = count * Float.BYTES;
        String mismatch = " bytes, but " + needs + " (" + expected + " bytes)";
        if (entry.getSize() >= 0 && entry.getSize() != expected) {
            throw new IOException(name + " holds " + entry.getSize() + mismatch);
        }
        float[] values = new float[(int) count];
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] chunk = new byte[1 << 16];
            ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            int filled = 0;
            while (filled < values.length) {
                int want = (int) Math.min(chunk.length, (long) (values.length - filled) * Float.BYTES);
                int got = in.readNBytes(chunk, 0, want);
                if (got < want) {
                    throw new IOException(name + " holds only " + ((long) filled * Float.BYTES + got) + mismatch);
                }
                buffer.position(0).limit(want);
                buffer.asFloatBuffer().get(values, filled, want / Float.BYTES);
                filled += want / Float.BYTES;
            }
            if (in.read() >= 0) {
                throw new IOException(name + " holds more than " + expected + mismatch);
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IOException(name + " holds a value that is not a finite number (" + values[i]
                        + " at position " + i + ")");
            }
        }
        return values;
    }

    private interface TextWriter {
        void writeTo(Writer out) throws IOException;
    }

    private static String text(TextWriter writer) throws IOException {
        StringWriter out = new StringWriter();
        writer.writeTo(out);
        return out.toString();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        put(zip, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] floatsToBytes(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return buffer.array();
    }
}
