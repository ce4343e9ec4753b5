package org.latentlab.training;

import java.io.IOException;
import java.io.Reader;
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
    /** The columns after {@link #EPOCH_HEADER}'s of a set with a rare group. */
    static final String RARE_GROUP_COLUMNS = ",validation_rare_reconstruction,validation_common_reconstruction,"
            + "rare_share_of_draws";
    static final String ITERATION_HEADER = "iteration,objective,reconstruction,kl,beta";

    private HistoryCsv() {
    }

    /**
     * One line per epoch; a set with a rare group (every epoch has its metrics) gets
     * {@link #RARE_GROUP_COLUMNS} too.
     */
    public static void writeEpochs(List<EpochMetrics> epochs, Writer out) throws IOException {
        boolean rareGroup = !epochs.isEmpty() && epochs.stream().allMatch(EpochMetrics::hasRareGroup);
        out.write(EPOCH_HEADER + (rareGroup ? RARE_GROUP_COLUMNS : "") + "\n");
        for (EpochMetrics m : epochs) {
            out.write(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6g,%.4f",
                    m.epoch(), m.iteration(), m.trainingObjective(), m.trainingReconstruction(), m.trainingKl(),
                    m.validationNegativeElbo(), m.validationReconstruction(), m.validationKl(), m.beta(), m.seconds()));
            if (rareGroup) {
                RareGroupMetrics g = m.rareGroup();
                out.write(String.format(Locale.ROOT, ",%.6f,%.6f,%.6f", g.rareReconstruction(),
                        g.commonReconstruction(), g.rareShareOfDraws()));
            }
            out.write("\n");
        }
    }

    public static void writeIterations(IterationHistory.View history, Writer out) throws IOException {
        out.write(ITERATION_HEADER + "\n");
        for (int i = 0; i < history.size(); i++) {
            out.write(String.format(Locale.ROOT, "%d,%.6g,%.6g,%.6g,%.6g%n", i + 1, history.objective(i),
                    history.reconstruction(i), history.kl(i), history.beta(i)));
        }
    }

    /**
     * Reads what {@link #writeEpochs} wrote: epochs numbered 1, 2, … whose iterations rise. Stops
     * at the first epoch that ends after {@code lastIteration} (a history cut back), so it never
     * reads more than {@code lastIteration + 1} rows.
     *
     * @throws IOException naming the line, if the text is not what {@link #writeEpochs} writes
     */
    static List<EpochMetrics> readEpochs(Reader in, long lastIteration) throws IOException {
        List<EpochMetrics> epochs = new ArrayList<>();
        Rows rows = new Rows(in, EPOCH_HEADER, 10, RARE_GROUP_COLUMNS, 3);
        for (String[] f = rows.next(); f != null; f = rows.next()) {
            RareGroupMetrics group = f.length == 10 ? null : new RareGroupMetrics(Double.parseDouble(f[10]),
                    Double.parseDouble(f[11]), Double.parseDouble(f[12]));
            EpochMetrics epoch = new EpochMetrics(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]), group);
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
     * Reads what {@link #writeIterations} wrote, at most {@code maxRows} iterations: the rest of a
     * longer history is left unread.
     */
    static IterationHistory readIterations(Reader in, long maxRows) throws IOException {
        IterationHistory history = new IterationHistory();
        Rows rows = new Rows(in, ITERATION_HEADER, 5);
        for (String[] f = history.size() < maxRows ? rows.next() : null; f != null;
                f = history.size() < maxRows ? rows.next() : null) {
            history.append(Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]));
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
