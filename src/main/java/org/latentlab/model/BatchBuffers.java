package org.latentlab.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Working arrays made once per batch height and reused, so that a training step or a decode
 * allocates nothing. Keeps the few most recently used heights (a full batch, the last partial one,
 * an evaluation chunk). Confined to its owner's thread.
 */
final class BatchBuffers<T> {

    /** The tallest batch handed out; longer inputs are processed in chunks of this many rows. */
    static final int MAX_ROWS = 1024;
    private static final int HEIGHTS_KEPT = 4;

    private final IntFunction<T> factory;
    private final Map<Integer, T> byRows = new LinkedHashMap<>(HEIGHTS_KEPT * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, T> eldest) {
            return size() > HEIGHTS_KEPT;
        }
    };

    BatchBuffers(IntFunction<T> factory) {
        this.factory = factory;
    }

    /** Work on rows {@code start} to {@code start + rows} of a longer input. */
    interface Chunk {
        void run(int start, int rows);
    }

    /** Runs {@code chunk} over {@code count} rows in pieces of at most {@value #MAX_ROWS}. */
    static void forEachChunk(int count, Chunk chunk) {
        for (int start = 0; start < count; start += MAX_ROWS) {
            chunk.run(start, Math.min(MAX_ROWS, count - start));
        }
    }

    T forRows(int rows) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("batch of " + rows + " rows is outside 1.." + MAX_ROWS);
        }
        return byRows.computeIfAbsent(rows, factory::apply);
    }
}
