package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The in-place tokenizer against a plain character-by-character reading of the same rules, on random texts made
 * of delimiters, quotes, line breaks and letters, with buffers from 1 byte up: records cut at every possible place
 * by the end of the buffer must come out the same.
 */
class RecordTokenizerFuzzTest {

    /** A record as the reference reads it: the line it starts on, whether a quote was left open, its fields. */
    private record Record(long line, boolean unclosed, List<String> fields, List<Boolean> quoted) {
    }

    /** The rules, read one character at a time (RFC 4180 plus the tokenizer's documented leniency). */
    private static List<Record> reference(String text, char delimiter) {
        List<Record> records = new ArrayList<>();
        int i = 0;
        long line = 1;
        int n = text.length();
        while (i < n) {
            long start = line;
            List<String> fields = new ArrayList<>();
            List<Boolean> quoted = new ArrayList<>();
            boolean unclosed = false;
            boolean recordDone = false;
            while (!recordDone) {
                StringBuilder field = new StringBuilder();
                boolean isQuoted = i < n && text.charAt(i) == '"';
                boolean inQuotes = isQuoted;
                if (isQuoted) {
                    i++;
                }
                while (true) {
                    if (i >= n) {
                        unclosed = inQuotes;
                        recordDone = true;
                        break;
                    }
                    char c = text.charAt(i++);
                    if (inQuotes) {
                        if (c == '"') {
                            if (i < n && text.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                inQuotes = false;
                            }
                        } else {
                            if (c == '\n') {
                                line++;
                            }
                            field.append(c);
                        }
                    } else if (c == delimiter) {
                        break;
                    } else if (c == '\n' || c == '\r') {
                        line++;
                        if (c == '\r' && i < n && text.charAt(i) == '\n') {
                            i++;
                        }
                        recordDone = true;
                        break;
                    } else {
                        field.append(c);
                    }
                }
                fields.add(field.toString());
                quoted.add(isQuoted);
                if (!recordDone && i >= n) {
                    // a delimiter was the last character: one more, empty field
                    fields.add("");
                    quoted.add(false);
                    recordDone = true;
                }
            }
            records.add(new Record(start, unclosed, fields, quoted));
        }
        return records;
    }

    private static List<Record> tokenize(String text, char delimiter, int bufferSize) throws IOException {
        RecordTokenizer tokenizer = new RecordTokenizer(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                delimiter, bufferSize);
        List<Record> records = new ArrayList<>();
        while (tokenizer.next()) {
            List<String> fields = new ArrayList<>();
            List<Boolean> quoted = new ArrayList<>();
            for (int f = 0; f < tokenizer.fieldCount(); f++) {
                fields.add(tokenizer.text(f));
                quoted.add(tokenizer.quoted(f));
            }
            records.add(new Record(tokenizer.line(), tokenizer.unclosedQuote(), fields, quoted));
        }
        return records;
    }

    @Test
    void matchesTheReferenceOnRandomTexts() throws IOException {
        String alphabet = ",,,;\"\"\n\r ab1é";
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            char delimiter = random.nextBoolean() ? ',' : ';';
            List<Record> expected = reference(input, delimiter);
            for (int bufferSize : new int[] {1, 2, 3, 5, 8, 64}) {
                assertThat(tokenize(input, delimiter, bufferSize)).as("%s with a %d-byte buffer",
                        input.replace("\n", "\\n").replace("\r", "\\r"), bufferSize).isEqualTo(expected);
            }
        }
    }
}
