package org.recausal.engine.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Codes against a HashMap, for labels of every length around the 7-byte packing limit, NUL bytes included. */
class DictionaryTest {

    @Test
    void codesFollowFirstAppearanceAndLabelsComeBack() {
        SplittableRandom random = new SplittableRandom(8);
        Dictionary dictionary = new Dictionary();
        Map<String, Integer> expected = new HashMap<>();
        List<String> distinct = new ArrayList<>();
        String alphabet = "ab\0é7";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder label = new StringBuilder();
            int length = random.nextInt(13);
            for (int j = 0; j < length; j++) {
                label.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = label.toString();
            // Surround the label with other bytes, as the tokenizer's buffer does.
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] buffer = new byte[utf8.length + 3 + random.nextInt(9)];
            java.util.Arrays.fill(buffer, (byte) 'x');
            System.arraycopy(utf8, 0, buffer, 3, utf8.length);
            int code = dictionary.intern(buffer, 3, 3 + utf8.length);
            Integer known = expected.putIfAbsent(text, distinct.size());
            if (known == null) {
                distinct.add(text);
                assertThat(code).isEqualTo(distinct.size() - 1);
            } else {
                assertThat(code).as(text).isEqualTo(known);
            }
        }
        assertThat(dictionary.size()).isEqualTo(distinct.size()).isGreaterThan(10_000);
        for (int code = 0; code < distinct.size(); code++) {
            assertThat(dictionary.label(code)).isEqualTo(distinct.get(code));
            assertThat(dictionary.code(distinct.get(code))).isEqualTo(code);
        }
        assertThat(dictionary.code("not there")).isEqualTo(-1);
        assertThat(dictionary.code("a\0")).isEqualTo(expected.getOrDefault("a\0", -1));
    }
}
