package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordTokenizerTest {

    /** Each record as its fields, with the line it started on first. */
    private static List<List<String>> split(String text, char delimiter, int bufferSize) throws IOException {
        RecordTokenizer tokenizer = new RecordTokenizer(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), delimiter, bufferSize);
        List<List<String>> records = new ArrayList<>();
        while (tokenizer.next()) {
            List<String> fields = new ArrayList<>();
            fields.add("@" + tokenizer.line());
            for (int f = 0; f < tokenizer.fieldCount(); f++) {
                fields.add(tokenizer.text(f));
            }
            records.add(fields);
        }
        return records;
    }

    @ParameterizedTest
    @ValueSource(chars = {',', '\t', ';', '|', ' '})
    void splitsEachDelimiter(char delimiter) throws IOException {
        String text = "a" + delimiter + "b" + delimiter + "c\n1" + delimiter + delimiter + "3\n";
        assertThat(split(text, delimiter, 64)).containsExactly(
                List.of("@1", "a", "b", "c"), List.of("@2", "1", "", "3"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 4096})
    void quotedFieldsHoldDelimitersQuotesAndLineBreaksAtAnyBufferSize(int bufferSize) throws IOException {
        String text = "id,text\r\n1,\"a, b\"\r\n2,\"say \"\"hi\"\"\"\r\n3,\"two\nlines\"\r\n4,\"\"\r\n5,é\r\n";
        assertThat(split(text, ',', bufferSize)).containsExactly(
                List.of("@1", "id", "text"),
                List.of("@2", "1", "a, b"),
                List.of("@3", "2", "say \"hi\""),
                List.of("@4", "3", "two\nlines"),
                List.of("@6", "4", ""),
                List.of("@7", "5", "é"));
    }

    @Test
    void acceptsLfCrLfAndCrLineEndingsAndAMissingFinalBreak() throws IOException {
        assertThat(split("a,b\nc,d\r\ne,f\rg,h", ',', 3)).containsExactly(
                List.of("@1", "a", "b"), List.of("@2", "c", "d"), List.of("@3", "e", "f"), List.of("@4", "g", "h"));
    }

    @Test
    void keepsStrayQuotesAsText() throws IOException {
        assertThat(split("ab\"c,\"x\"y\n", ',', 64)).containsExactly(List.of("@1", "ab\"c", "xy"));
    }

    @Test
    void reportsBlankLinesAndQuotedEmptiesApart() throws IOException {
        RecordTokenizer tokenizer = new RecordTokenizer(
                new ByteArrayInputStream("\n\"\"\n".getBytes(StandardCharsets.UTF_8)), ',', 64);
        assertThat(tokenizer.next()).isTrue();
        assertThat(tokenizer.blankLine()).isTrue();
        assertThat(tokenizer.next()).isTrue();
        assertThat(tokenizer.blankLine()).isFalse();
        assertThat(tokenizer.quoted(0)).isTrue();
        assertThat(tokenizer.next()).isFalse();
    }

    @Test
    void flagsAQuoteNeverClosed() throws IOException {
        RecordTokenizer tokenizer = new RecordTokenizer(
                new ByteArrayInputStream("1,ok\n2,\"open\n3,x\n".getBytes(StandardCharsets.UTF_8)), ',', 64);
        assertThat(tokenizer.next()).isTrue();
        assertThat(tokenizer.unclosedQuote()).isFalse();
        assertThat(tokenizer.next()).isTrue();
        assertThat(tokenizer.unclosedQuote()).isTrue();
        assertThat(tokenizer.line()).isEqualTo(2);
        assertThat(tokenizer.text(1)).isEqualTo("open\n3,x\n");
        assertThat(tokenizer.next()).isFalse();
    }
}
