package org.recausal.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a thread of its own, a few blocks ahead of the reader: for a gzip file the inflating then runs
 * beside the parsing, so the import takes about as long as the slower of the two instead of their sum. Four blocks
 * of 1 MiB circulate between the threads; nothing is allocated per block.
 */
final class ReadAheadStream extends InputStream {

    private static final int BLOCK = 1 << 20;
    private static final int BLOCKS = 4;

    /** A filled block; {@code length} -1 marks the end, {@code failure} a read that failed. */
    private record Block(byte[] bytes, int length, IOException failure) {
    }

    private final InputStream source;
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(BLOCKS);
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final Thread filler;
    private Block current;
    private int position;
    private boolean ended;

    ReadAheadStream(InputStream source, String name) {
        this.source = source;
        for (int i = 0; i < BLOCKS; i++) {
            empty.add(new byte[BLOCK]);
        }
        filler = Thread.ofPlatform().daemon().name("read-ahead " + name).start(this::fill);
    }

    private void fill() {
        try {
            while (true) {
                byte[] bytes = empty.take();
                int length;
                try {
                    length = source.readNBytes(bytes, 0, bytes.length);
                } catch (IOException e) {
                    full.put(new Block(bytes, -1, e));
                    return;
                }
                if (length == 0) {
                    full.put(new Block(bytes, -1, null));
                    return;
                }
                full.put(new Block(bytes, length, null));
            }
        } catch (InterruptedException e) {
            // closed by the reader
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || position == current.length()) {
            if (!nextBlock()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    private boolean nextBlock() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null) {
            empty.add(current.bytes());
            current = null;
        }
        Block block;
        try {
            block = full.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading ahead");
        }
        if (block.failure() != null) {
            ended = true;
            throw block.failure();
        }
        if (block.length() < 0) {
            ended = true;
            return false;
        }
        current = block;
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        filler.interrupt();
        try {
            filler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
