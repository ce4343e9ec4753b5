package org.latentlab.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-epoch and per-iteration histories as CSV, for spreadsheets and for the run file.
 * Numbers are written with a dot as decimal separator whatever the locale.
 */
public final class HistoryCsv {

    static final String EPOCH_HEADER = "epoch,iteration,train_objective,train_reconstruction,train_kl,"
            + "validation_negative_elbo,validation_reconstruction,validation_kl,beta,seconds";
    static final String ITERATION_HEADER = "iteration,objective,reconstruction,kl,beta";

    private HistoryCsv() {
    }

    public static void writeEpochs(List<EpochMetrics> epochs, Writer out) throws IOException {
        out.write(EPOCH_HEADER + "\n");
        for (EpochMetrics m : epochs) {
            out.write(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6g,%.4f%n",
                    m.epoch(), m.iteration(), m.trainingObjective(), m.trainingReconstruction(), m.trainingKl(),
                    m.validationNegativeElbo(), m.validationReconstruction(), m.validationKl(), m.beta(), m.seconds()));
        }
    }

    public static void writeIterations(IterationHistory.View history, Writer out) throws IOException {
        out.write(ITERATION_HEADER + "\n");
        for (int i = 0; i < history.size(); i++) {
            out.write(String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g%n", i + 1, history.objective(i),
                    history.reconstruction(i), history.kl(i), history.beta(i)));
        }
    }

    /** @throws IOException naming the line, if the text is not what {@link #writeEpochs} writes */
    static List<EpochMetrics> readEpochs(BufferedReader in) throws IOException {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (String[] f : rows(in, EPOCH_HEADER, 10)) {
            epochs.add(new EpochMetrics(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9])));
        }
        return epochs;
    }

    static IterationHistory readIterations(BufferedReader in) throws IOException {
        IterationHistory history = new IterationHistory();
        for (String[] f : rows(in, ITERATION_HEADER, 5)) {
            history.append(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]));
        }
        return history;
    }

    private static List<String[]> rows(BufferedReader in, String header, int columns) throws IOException {
        String first = in.readLine();
        if (!header.equals(first)) {
            throw new IOException("expected the header '" + header + "' but found '" + first + "'");
        }
        List<String[]> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = in.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (fields.length != columns) {
                throw new IOException("line " + number + " has " + fields.length + " fields, expected " + columns);
            }
            try {
                for (String field : fields) {
                    Double.parseDouble(field);
                }
            } catch (NumberFormatException e) {
                throw new IOException("line " + number + " holds a value that is not a number: " + line, e);
            }
            rows.add(fields);
        }
        return rows;
    }
}
