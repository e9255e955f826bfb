package org.recausal.engine.recsys;

/**
 * A model that scores an item for a user as the dot product of a user vector (which may depend on the user's
 * history, as in SASRec) and the item's vector. Both matrix factorisation and SASRec have this form, so one
 * fast scoring path ({@link Scoring}) serves them all.
 */
public interface Recommender {
    int itemCount();

    int userCount();

    /** Length of the user and item vectors. */
    int dimension();

    /** The items' vectors, row-major [itemCount x dimension]; the caller must not change it. */
    float[] itemVectors();

    /**
     * Writes the vectors of {@code users} as rows of {@code out} [users.length x dimension].
     * @param histories each user's items, oldest first, as the model sees them at prediction time
     */
    void encode(int[] users, int[][] histories, float[] out);
}
