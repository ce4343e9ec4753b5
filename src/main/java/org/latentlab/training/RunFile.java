package org.latentlab.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.latentlab.io.AtomicFile;
import org.latentlab.model.Activation;
import org.latentlab.model.Likelihood;
import org.latentlab.model.ModelConfig;
import org.latentlab.model.ModelKind;
import org.latentlab.model.ModelState;

/**
 * A trained model in one file: a zip holding {@code run.properties} (configuration and dataset),
 * {@code parameters.f32} and {@code optimizer.f32} (little-endian float32), and the histories as
 * {@code epochs.csv} and {@code iterations.csv}. Readable with ordinary tools.
 *
 * <p>Saving writes a temporary file beside the target, forces it to disk and renames it over the
 * target, so a crash leaves either the old file or the new one, never half of one.
 */
public final class RunFile {

    /** The conventional file name inside a run folder. */
    public static final String FILE_NAME = "model.latentlab";

    private static final String FORMAT = "latent-lab-run";
    private static final int VERSION = 1;

    private RunFile() {
    }

    public static void save(SavedRun run, Path target) throws IOException {
        AtomicFile.write(target, file -> {
            ZipOutputStream zip = new ZipOutputStream(file);
            put(zip, "run.properties", propertiesOf(run));
            put(zip, "parameters.f32", floatsToBytes(run.state().parameters()));
            put(zip, "optimizer.f32", floatsToBytes(run.state().optimizerState()));
            put(zip, "epochs.csv", text(out -> HistoryCsv.writeEpochs(run.epochs(), out)));
            put(zip, "iterations.csv", text(out -> HistoryCsv.writeIterations(run.iterations(), out)));
            zip.finish();
        });
    }

    /**
     * @throws RunFileException naming the file and what is wrong with it
     */
    public static SavedRun load(Path source) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream file = Files.newInputStream(source); ZipInputStream zip = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        } catch (NoSuchFileException e) {
            throw new RunFileException(source + ": no such file");
        } catch (ZipException e) {
            throw new RunFileException(source + " is not a Latent Lab model file (it is not a readable zip: "
                    + e.getMessage() + ")");
        } catch (IOException e) {
            throw new RunFileException(source + " could not be read: " + e.getMessage());
        }
        if (entries.isEmpty()) {
            throw new RunFileException(source + " is not a Latent Lab model file (it holds no entries)");
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(new String(required(entries, "run.properties"), StandardCharsets.UTF_8)));
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
            float[] parameters = bytesToFloats(required(entries, "parameters.f32"));
            float[] optimizer = bytesToFloats(required(entries, "optimizer.f32"));
            ModelState state = new ModelState(parameters, optimizer, Long.parseLong(value(p, "state.steps")));
            List<EpochMetrics> epochs = HistoryCsv.readEpochs(reader(required(entries, "epochs.csv")));
            IterationHistory iterations = HistoryCsv.readIterations(reader(required(entries, "iterations.csv")));
            return new SavedRun(model, training, value(p, "dataset"), state, iterations.view(), epochs);
        } catch (RunFileException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new RunFileException(source + " is damaged: " + e.getMessage());
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
        p.setProperty("training.learningRate", Double.toString(t.learningRate()));
        p.setProperty("training.batchSize", Integer.toString(t.batchSize()));
        p.setProperty("training.epochs", Integer.toString(t.epochs()));
        p.setProperty("training.beta", Double.toString(t.beta().target()));
        p.setProperty("training.betaSchedule", t.beta().describe());
        p.setProperty("training.betaScheduleStart", Long.toString(t.beta().start()));
        p.setProperty("training.loss", t.lossTerms().cliName());
        p.setProperty("training.seed", Long.toString(t.seed()));
        p.setProperty("state.steps", Long.toString(run.state().steps()));
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
                Double.parseDouble(value(p, "model.decoderStd")), Long.parseLong(value(p, "model.seed")));
    }

    private static TrainingConfig trainingConfigOf(Properties p) throws IOException {
        double beta = Double.parseDouble(value(p, "training.beta"));
        return new TrainingConfig(Double.parseDouble(value(p, "training.learningRate")),
                Integer.parseInt(value(p, "training.batchSize")), Integer.parseInt(value(p, "training.epochs")),
                BetaSchedule.parse(value(p, "training.betaSchedule"), beta)
                        .startingAt(Long.parseLong(p.getProperty("training.betaScheduleStart", "0"))),
                LossTerms.fromCliName(value(p, "training.loss")), Long.parseLong(value(p, "training.seed")));
    }

    private static String value(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("run.properties has no '" + key + "'");
        }
        return value;
    }

    private static byte[] required(Map<String, byte[]> entries, String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IOException("the entry '" + name + "' is missing");
        }
        return bytes;
    }

    private static BufferedReader reader(byte[] bytes) {
        return new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
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

    private static float[] bytesToFloats(byte[] bytes) throws IOException {
        if (bytes.length % Float.BYTES != 0) {
            throw new IOException("a float32 array of " + bytes.length + " bytes is truncated");
        }
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }
}
