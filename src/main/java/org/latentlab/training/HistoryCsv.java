package org.latentlab.training;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.latentlab.model.DecoderStd;
import org.latentlab.model.DecoderVariance;

/**
 * The per-epoch and per-iteration histories as CSV, for spreadsheets and for the run file.
 * Numbers are written with a dot as decimal separator whatever the locale.
 */
public final class HistoryCsv {

    static final String EPOCH_HEADER = "epoch,iteration,train_objective,train_reconstruction,train_kl,"
            + "validation_negative_elbo,validation_reconstruction,validation_kl,beta,seconds";
    /** The columns after {@link #EPOCH_HEADER}'s of a set with a rare group. */
    static final String RARE_GROUP_COLUMNS = ",validation_rare_reconstruction,validation_common_reconstruction,"
            + "rare_share_of_draws";
    private static final int RARE_GROUP_COLUMN_COUNT = 3;
    static final String ITERATION_HEADER = "iteration,objective,reconstruction,kl,beta";
    private static final int EPOCH_COLUMNS = 10;
    private static final int ITERATION_COLUMNS = 5;

    private HistoryCsv() {
    }

    /**
     * The epochs' header: {@link #EPOCH_HEADER}, and for a model of several stochastic levels the KL
     * of each level, lowest first ({@code train_kl_z1,train_kl_z2,validation_kl_z1,validation_kl_z2}).
     * A set with a rare group adds {@link #RARE_GROUP_COLUMNS} after them.
     */
    static String epochHeader(int levels) {
        return EPOCH_HEADER + levelColumns("train_kl_z", levels) + levelColumns("validation_kl_z", levels);
    }

    /**
     * The iterations' header: {@link #ITERATION_HEADER}, then {@code kl_z1,kl_z2} for a model of two
     * levels, then a learned decoder σ: {@code decoder_std}, or per pixel
     * {@code decoder_std_mean,decoder_std_min,decoder_std_max}.
     */
    static String iterationHeader(int levels, DecoderVariance variance) {
        return ITERATION_HEADER + levelColumns("kl_z", levels) + String.join("", stdColumns(variance));
    }

    private static List<String> stdColumns(DecoderVariance variance) {
        return switch (variance) {
            case FIXED -> List.of();
            case LEARNED -> List.of(",decoder_std");
            case LEARNED_PER_PIXEL -> List.of(",decoder_std_mean", ",decoder_std_min", ",decoder_std_max");
        };
    }

    private static String levelColumns(String prefix, int levels) {
        StringBuilder columns = new StringBuilder();
        for (int l = 1; levels > 1 && l <= levels; l++) {
            columns.append(',').append(prefix).append(l);
        }
        return columns.toString();
    }

    /** Writes epochs of a model of as many levels as the first epoch has (one, if there is none). */
    public static void writeEpochs(List<EpochMetrics> epochs, Writer out) throws IOException {
        writeEpochs(epochs, epochs.isEmpty() ? 1 : epochs.get(0).levels(), out);
    }

    /**
     * Writes epochs of a model of {@code levels} stochastic levels, one line each; a set with a rare
     * group (every epoch has its metrics) gets {@link #RARE_GROUP_COLUMNS} too.
     */
    public static void writeEpochs(List<EpochMetrics> epochs, int levels, Writer out) throws IOException {
        boolean rareGroup = !epochs.isEmpty() && epochs.stream().allMatch(EpochMetrics::hasRareGroup);
        out.write(epochHeader(levels) + (rareGroup ? RARE_GROUP_COLUMNS : "") + "\n");
        for (EpochMetrics m : epochs) {
            out.write(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6g,%.4f",
                    m.epoch(), m.iteration(), m.trainingObjective(), m.trainingReconstruction(), m.trainingKl(),
                    m.validationNegativeElbo(), m.validationReconstruction(), m.validationKl(), m.beta(), m.seconds()));
            if (levels > 1) {
                for (double kl : m.trainingKlByLevel()) {
                    out.write(String.format(Locale.ROOT, ",%.6f", kl));
                }
                for (double kl : m.validationKlByLevel()) {
                    out.write(String.format(Locale.ROOT, ",%.6f", kl));
                }
            }
            if (rareGroup) {
                RareGroupMetrics g = m.rareGroup();
                out.write(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f", g.rareReconstruction(),
                        g.commonReconstruction(), g.rareShareOfDraws()));
            }
            out.write("\n");
        }
    }

    public static void writeIterations(IterationHistory.View history, Writer out) throws IOException {
        int levels = history.levels();
        DecoderVariance variance = history.decoderVariance();
        out.write(iterationHeader(levels, variance) + "\n");
        for (int i = 0; i < history.size(); i++) {
            out.write(String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g", i + 1, history.objective(i),
                    history.reconstruction(i), history.kl(i), history.beta(i)));
            for (int l = 0; levels > 1 && l < levels; l++) {
                out.write(String.format(Locale.ROOT, ",%.6g", history.levelKl(l, i)));
            }
            if (variance == DecoderVariance.LEARNED) {
                out.write(String.format(Locale.ROOT, ",%.6g", history.decoderStd(i).mean()));
            } else if (variance == DecoderVariance.LEARNED_PER_PIXEL) {
                DecoderStd std = history.decoderStd(i);
                out.write(String.format(Locale.ROOT, ",%.6g,%.6g,%.6g", std.mean(), std.min(), std.max()));
            }
            out.write("\n");
        }
    }

    /**
     * Reads what {@link #writeEpochs} wrote for a model of {@code levels} stochastic levels: epochs
     * numbered 1, 2, … whose iterations rise. Stops at the first epoch that ends after
     * {@code lastIteration} (a history cut back), so it never reads more than {@code lastIteration + 1}
     * rows.
     *
     * @throws IOException naming the line, if the text is not what {@link #writeEpochs} writes
     */
    static List<EpochMetrics> readEpochs(Reader in, long lastIteration, int levels) throws IOException {
        List<EpochMetrics> epochs = new ArrayList<>();
        int columns = EPOCH_COLUMNS + (levels > 1 ? 2 * levels : 0);
        Rows rows = new Rows(in, epochHeader(levels), columns, RARE_GROUP_COLUMNS, RARE_GROUP_COLUMN_COUNT);
        for (String[] f = rows.next(); f != null; f = rows.next()) {
            List<Double> training = new ArrayList<>();
            List<Double> held = new ArrayList<>();
            for (int l = 0; l < levels; l++) {
                training.add(Double.parseDouble(levels > 1 ? f[EPOCH_COLUMNS + l] : f[4]));
                held.add(Double.parseDouble(levels > 1 ? f[EPOCH_COLUMNS + levels + l] : f[7]));
            }
            RareGroupMetrics group = f.length == columns ? null : new RareGroupMetrics(Double.parseDouble(f[columns]),
                    Double.parseDouble(f[columns + 1]), Double.parseDouble(f[columns + 2]));
            EpochMetrics epoch = new EpochMetrics(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]), training, held, group);
            if (epoch.iteration() > lastIteration) {
                break;
            }
            long previous = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).iteration();
            if (epoch.epoch() != epochs.size() + 1 || epoch.iteration() <= previous) {
                throw new IOException("line " + rows.number() + " is epoch " + epoch.epoch() + " ending at iteration "
                        + epoch.iteration() + ", but epoch " + (epochs.size() + 1) + " ending after iteration "
                        + previous + " was expected");
            }
            epochs.add(epoch);
        }
        return epochs;
    }

    /**
     * Reads what {@link #writeIterations} wrote for a model of {@code levels} stochastic levels whose
     * decoder's σ is as {@code variance} says, at most {@code maxRows} iterations: the rest of a
     * longer history is left unread.
     */
    static IterationHistory readIterations(Reader in, long maxRows, int levels, DecoderVariance variance)
            throws IOException {
        IterationHistory history = new IterationHistory(levels, variance);
        int levelColumns = levels > 1 ? levels : 0;
        int stdColumn = ITERATION_COLUMNS + levelColumns;
        Rows rows = new Rows(in, iterationHeader(levels, variance),
                stdColumn + stdColumns(variance).size());
        double[] klPerLevel = new double[levels];
        for (String[] f = history.size() < maxRows ? rows.next() : null; f != null;
                f = history.size() < maxRows ? rows.next() : null) {
            for (int l = 0; l < levels; l++) {
                klPerLevel[l] = Double.parseDouble(levels > 1 ? f[ITERATION_COLUMNS + l] : f[3]);
            }
            DecoderStd std = switch (variance) {
                case FIXED -> null;
                case LEARNED -> DecoderStd.shared(Double.parseDouble(f[stdColumn]));
                case LEARNED_PER_PIXEL -> new DecoderStd(Double.parseDouble(f[stdColumn]),
                        Double.parseDouble(f[stdColumn + 1]), Double.parseDouble(f[stdColumn + 2]));
            };
            history.append(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), klPerLevel, std);
        }
        return history;
    }

    /**
     * The rows of a CSV text after its header, one at a time, as numeric fields; blank lines are
     * skipped. A line may hold at most {@value #MAX_LINE} characters, so that a damaged file
     * cannot make it read without end. The header may go on with optional columns, which every
     * row then has.
     */
    private static final class Rows {
        private static final int MAX_LINE = 1_000;

        private final Reader in;
        private final int columns;
        private final char[] buffer = new char[1 << 13];
        private int start;
        private int end;
        private int number;

        Rows(Reader in, String header, int columns) throws IOException {
            this(in, header, columns, "", 0);
        }

        /** Rows under {@code header}, or under {@code header + optional} with {@code optionalColumns} more. */
        Rows(Reader in, String header, int columns, String optional, int optionalColumns) throws IOException {
            this.in = in;
            String first = line();
            boolean longer = !optional.isEmpty() && (header + optional).equals(first);
            if (!header.equals(first) && !longer) {
                throw new IOException("expected the header '" + header + "'" + (optional.isEmpty() ? ""
                        : " (perhaps with '" + optional + "')") + " but found '" + first + "'");
            }
            this.columns = longer ? columns + optionalColumns : columns;
        }

        int number() {
            return number;
        }

        /** The next row's fields, or {@code null} at the end. */
        String[] next() throws IOException {
            String line;
            do {
                line = line();
                if (line == null) {
                    return null;
                }
            } while (line.isBlank());
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
            return fields;
        }

        /** The next line without its end, or {@code null} at the end of the text. */
        private String line() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (start == end) {
                    int read = in.read(buffer);
                    if (read < 0) {
                        return line == null ? null : finish(line);
                    }
                    start = 0;
                    end = read;
                }
                if (line == null) {
                    line = new StringBuilder();
                }
                int newline = start;
                while (newline < end && buffer[newline] != '\n') {
                    newline++;
                }
                line.append(buffer, start, newline - start);
                if (line.length() > MAX_LINE) {
                    throw new IOException("line " + (number + 1) + " is longer than " + MAX_LINE + " characters");
                }
                if (newline < end) {
                    start = newline + 1;
                    return finish(line);
                }
                start = end;
            }
        }

        private String finish(StringBuilder line) {
            number++;
            int length = line.length();
            return length > 0 && line.charAt(length - 1) == '\r' ? line.substring(0, length - 1) : line.toString();
        }
    }
}
