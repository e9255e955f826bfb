package org.recausal.engine.mapping;

import java.util.Locale;

/**
 * The form in which column and node names are compared for automatic mapping: lower case, letters and digits
 * only. {@code Item_Popularity}, {@code itemPopularity} and {@code item popularity} all read {@code itempopularity}.
 */
public final class NameKey {

    private NameKey() {
    }

    public static String of(String name) {
        StringBuilder key = new StringBuilder(name.length());
        name.toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
