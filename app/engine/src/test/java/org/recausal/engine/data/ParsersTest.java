package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ParsersTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7", "+42", "9223372036854775807", "-9223372036854775808"})
    void readsWholeNumbers(String text) {
        NumberParser parser = new NumberParser();
        assertThat(parser.parseLong(bytes(text), 0, text.length())).isTrue();
        assertThat(parser.longValue).isEqualTo(Long.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "1.0", "12a", "9223372036854775808", "1e3", " 1"})
    void refusesWhatIsNotAWholeNumber(String text) {
        assertThat(new NumberParser().parseLong(bytes(text), 0, text.length())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "-0.25", ".5", "2.", "1e3", "-1.5E-7", "3.14159265358979323846",
        "123456789012345678901234", "4.9e-324", "1.7976931348623157e308", "0.1", "100"})
    void readsDecimalsExactlyAsTheJdkDoes(String text) {
        NumberParser parser = new NumberParser();
        assertThat(parser.parseDouble(bytes(text), 0, text.length())).isTrue();
        assertThat(parser.doubleValue).isEqualTo(Double.parseDouble(text));
    }

    @Test
    void randomDecimalsRoundTripBitForBit() {
        Random random = new Random(7);
        NumberParser parser = new NumberParser();
        for (int i = 0; i < 20_000; i++) {
            double value = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 10);
            String text = i % 2 == 0 ? Double.toString(value) : String.format("%.4f", value);
            assertThat(parser.parseDouble(bytes(text), 0, text.length())).as(text).isTrue();
            assertThat(parser.doubleValue).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1.2.3", "e5", "1e", "1e+", "abc", "1,5", "Infinity"})
    void refusesWhatIsNotANumber(String text) {
        assertThat(new NumberParser().parseDouble(bytes(text), 0, text.length())).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "2024-03-01, 2024-03-01T00:00:00Z",
        "2024/03/01, 2024-03-01T00:00:00Z",
        "2024-02-29T23:59, 2024-02-29T23:59:00Z",
        "2024-03-01 12:30:45, 2024-03-01T12:30:45Z",
        "2024-03-01T12:30:45.5Z, 2024-03-01T12:30:45.500Z",
        "2024-03-01T12:30:45.123456+02:00, 2024-03-01T10:30:45.123Z",
        "1969-12-31T23:00:00-0130, 1970-01-01T00:30:00Z",
        "1900-01-01T00:00:00+05, 1899-12-31T19:00:00Z"
    })
    void readsIsoTimestamps(String text, String expected) {
        TimestampParser parser = new TimestampParser();
        assertThat(parser.parse(bytes(text), 0, text.length())).isTrue();
        assertThat(parser.epochMillis).isEqualTo(OffsetDateTime.parse(expected).toInstant().toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29", "2024-13-01", "2024-00-10", "2024-03-01T24:00", "2024-03-01X12:00",
        "01/03/2024", "2024-03-01T12:30:45+2", "20240301", "2024-03-01T12:3"})
    void refusesWhatIsNotAnIsoTimestamp(String text) {
        assertThat(new TimestampParser().parse(bytes(text), 0, text.length())).isFalse();
    }

    @Test
    void agreesWithJavaTimeOnRandomDates() {
        Random random = new Random(11);
        TimestampParser parser = new TimestampParser();
        for (int i = 0; i < 5_000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 4_000_000_000L);
            OffsetDateTime time = OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
            String text = time.toLocalDateTime().toString();
            assertThat(parser.parse(bytes(text), 0, text.length())).as(text).isTrue();
            assertThat(parser.epochMillis).as(text).isEqualTo(seconds * 1000);
        }
    }
}
