package org.recausal.engine.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

/** The cell texts that mean "no value", compared as bytes so a cell needs no String. */
final class MissingTokens {

    private final byte[][] tokens;
    private final Set<String> texts;

    MissingTokens(Set<String> texts) {
        this.texts = texts;
        this.tokens = texts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    boolean matches(byte[] b, int start, int end) {
        int length = end - start;
        for (byte[] token : tokens) {
            if (token.length == length && Arrays.equals(token, 0, length, b, start, end)) {
                return true;
            }
        }
        return false;
    }

    boolean matches(String text) {
        return texts.contains(text.trim());
    }
}
