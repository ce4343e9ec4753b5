package org.latentlab.model;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * One fixed matrix multiply C = op(A)·op(B) (+ C) over arrays bound once, re-run as often as
 * needed. ND4J's {@code Nd4j.gemm} builds a new op and native op context on every call (≈13 µs
 * and native garbage for another thread to free); this builds both once and hands the context
 * straight to libnd4j on each run ({@code execCustomOp2}, what ND4J's executioner calls after its
 * own per-call bookkeeping, which allocates lists on every call). Confined to the thread that
 * owns the arrays.
 */
final class MatrixMultiply {

    static {
        NativeBackend.load(); // chooses OpenBLAS's kernels and threads before ND4J first loads
    }

    private static final NativeOps LIBND4J = NativeOpsHolder.getInstance().getDeviceNativeOps();

    /** Keeps the native context alive as long as this multiply. */
    private final OpContext context;
    private final long opHash;
    private final long flops;

    /**
     * @param a          {@code m × k}, or {@code k × m} when {@code transposeA}
     * @param b          {@code k × n}, or {@code n × k} when {@code transposeB}
     * @param c          {@code m × n}, row-major and contiguous; overwritten ({@code β = 0}) or added to ({@code β = 1})
     * @param accumulate {@code true} for β = 1
     */
    MatrixMultiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, boolean accumulate) {
        long m = transposeA ? a.columns() : a.rows();
        long k = transposeA ? a.rows() : a.columns();
        long kB = transposeB ? b.columns() : b.rows();
        long n = transposeB ? b.rows() : b.columns();
        if (k != kB || c.rows() != m || c.columns() != n) {
            throw new IllegalArgumentException("cannot multiply " + shape(a, transposeA) + " by " + shape(b, transposeB)
                    + " into " + c.rows() + "×" + c.columns());
        }
        if (c.ordering() != 'c' || c.elementWiseStride() != 1) {
            throw new IllegalArgumentException("the product needs a contiguous row-major array");
        }
        double beta = accumulate ? 1.0 : 0.0;
        Mmul op = new Mmul(a, b, c, 1.0, beta,
                MMulTranspose.builder().transposeA(transposeA).transposeB(transposeB).build());
        this.opHash = op.opHash();
        this.context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(a, b);
        context.setOutputArrays(c);
        context.setIArguments(transposeA ? 1 : 0, transposeB ? 1 : 0, 0);
        context.setTArguments(1.0, beta);
        this.flops = 2 * m * n * k;
    }

    void run() {
        if (LIBND4J.execCustomOp2(null, opHash, context.contextPointer()) != 0) {
            throw new IllegalStateException("matrix multiply failed in libnd4j: " + LIBND4J.lastErrorMessage());
        }
    }

    /** Floating-point operations of one run: 2·m·n·k. */
    long flops() {
        return flops;
    }

    private static String shape(INDArray x, boolean transposed) {
        return transposed ? x.columns() + "×" + x.rows() : x.rows() + "×" + x.columns();
    }
}
