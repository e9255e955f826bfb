package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ReadAheadStreamTest {

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new SplittableRandom(4).nextBytes(bytes);
        return bytes;
    }

    @Test
    void yieldsTheSourceBytesInOrder() throws IOException {
        byte[] bytes = random((7 << 20) / 2 + 123);
        try (ReadAheadStream in = new ReadAheadStream(new ByteArrayInputStream(bytes), "test")) {
            byte[] read = new byte[bytes.length];
            int at = 0;
            SplittableRandom sizes = new SplittableRandom(5);
            for (int n; (n = in.read(read, at, Math.min(read.length - at, 1 + sizes.nextInt(300_000)))) > 0; ) {
                at += n;
            }
            assertThat(at).isEqualTo(bytes.length);
            assertThat(read).isEqualTo(bytes);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aFailedReadReachesTheReader() {
        InputStream failing = new InputStream() {
            private int left = 3 << 20;

            @Override
            public int read() throws IOException {
                if (left-- == 0) {
                    throw new IOException("disk gone");
                }
                return 'a';
            }
        };
        assertThatThrownBy(() -> {
            try (ReadAheadStream in = new ReadAheadStream(failing, "test")) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessage("disk gone");
    }

    @Test
    void closingEarlyStopsTheThreadAndClosesTheSource() throws IOException {
        boolean[] closed = {false};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ReadAheadStream in = new ReadAheadStream(endless, "test");
        assertThat(in.read()).isEqualTo('x');
        in.close();
        assertThat(closed[0]).isTrue();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("read-ahead test"));
    }
}
