package org.latentlab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

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

    T forRows(int rows) {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new IllegalArgumentException("batch of " + rows + " rows is outside 1.." + MAX_ROWS);
        }
        return byRows.computeIfAbsent(rows, factory::apply);
    }

    /** One {@code rows × width} float matrix per width. */
    static List<INDArray> matrices(int rows, List<Integer> widths) {
        List<INDArray> arrays = new ArrayList<>(widths.size());
        for (int width : widths) {
            arrays.add(Nd4j.create(DataType.FLOAT, rows, width));
        }
        return arrays;
    }
}
