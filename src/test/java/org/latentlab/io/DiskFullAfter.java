package org.latentlab.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** An output stream that fails as a full disk does once more than {@code room} bytes have gone through it. */
public final class DiskFullAfter extends FilterOutputStream {

    private long room;

    public DiskFullAfter(OutputStream out, long room) {
        super(out);
        this.room = room;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > room) {
            throw new IOException("No space left on device");
        }
        room -= length;
        out.write(bytes, offset, length);
    }
}
