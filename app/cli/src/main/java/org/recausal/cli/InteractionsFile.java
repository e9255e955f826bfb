package org.recausal.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a seeded interactions file {@code user,item,rating,timestamp} as a recommender logs them, plain and
 * gzipped in one pass: one user in 50 rows and one item in 500, items drawn with a popularity skew, ratings 1-5
 * leaning high, timestamps in epoch seconds increasing by 0-3 s. About 24 bytes a row (600 MB at 25 million).
 */
final class InteractionsFile {
    private static final double[] RATING_SHARES = {0.05, 0.10, 0.20, 0.35, 0.30};

    private final byte[] line = new byte[64];
    private int length;

    private InteractionsFile() {
    }

    static void write(long rows, long seed, Path csv, Path gzip) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        long users = Math.max(1, rows / 50);
        long items = Math.max(1, rows / 500);
        long time = 1_500_000_000L;
        InteractionsFile row = new InteractionsFile();
        try (OutputStream plain = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 20);
                OutputStream packed = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(gzip),
                        1 << 20), 1 << 16)) {
            byte[] header = "user,item,rating,timestamp\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            plain.write(header);
            packed.write(header);
            for (long r = 0; r < rows; r++) {
                double u = random.nextDouble();
                time += random.nextInt(4);
                row.length = 0;
                row.append('u').append(1 + random.nextLong(users)).append(',')
                        .append('i').append(1 + (long) (items * u * u)).append(',')
                        .append(rating(random.nextDouble())).append(',')
                        .append(time).append('\n');
                plain.write(row.line, 0, row.length);
                packed.write(row.line, 0, row.length);
            }
        }
    }

    private static long rating(double u) {
        for (int r = 0; r < RATING_SHARES.length; r++) {
            u -= RATING_SHARES[r];
            if (u < 0) {
                return r + 1L;
            }
        }
        return RATING_SHARES.length;
    }

    private InteractionsFile append(char c) {
        line[length++] = (byte) c;
        return this;
    }

    private InteractionsFile append(long value) {
        int start = length;
        do {
            line[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = line[i];
            line[i] = line[j];
            line[j] = t;
        }
        return this;
    }
}
