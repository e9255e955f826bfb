package org.recausal.desktop.data;

/**
 * What a table holds, which decides how it meets the others: interactions stand alone (one row per exposure,
 * click or rating); users and items are attributes, joined onto an interactions table by their key.
 */
public enum DatasetRole {
    INTERACTIONS("Interactions", "one row per exposure, click, rating or purchase"),
    USERS("Users", "one row per user, joined onto interactions by the user key"),
    ITEMS("Items", "one row per item, joined onto interactions by the item key");

    private final String label;
    private final String description;

    DatasetRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** Attribute tables are joined onto another table. */
    public boolean joined() {
        return this != INTERACTIONS;
    }

    /** The word a key column of this role's table usually contains ("user", "item"), or null. */
    String keyWord() {
        return switch (this) {
            case INTERACTIONS -> null;
            case USERS -> "user";
            case ITEMS -> "item";
        };
    }

    /** A guess from the file name: users.csv, item_features.tsv.gz; interactions otherwise. */
    static DatasetRole guess(String fileName) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("user") || name.contains("customer")) {
            return USERS;
        }
        if (name.contains("item") || name.contains("product") || name.contains("movie")) {
            return ITEMS;
        }
        return INTERACTIONS;
    }

    @Override
    public String toString() {
        return label;
    }
}
