package org.recausal.desktop.recsys;

import org.recausal.engine.recsys.mf.Weighting;
import org.recausal.engine.recsys.model.StoredModel;

/** The recommenders the workbench trains, as the Train dialog offers them. */
public enum ModelKind {
    SASREC("SASRec (self-attention, sequential)", StoredModel.SASREC, null),
    BPR("BPR matrix factorisation (implicit feedback)", StoredModel.BPR, null),
    MF("MF on ratings (squared error)", StoredModel.MF, Weighting.NAIVE),
    MF_IPS("MF-IPS on ratings (inverse propensities)", StoredModel.MF, Weighting.IPS),
    MF_SNIPS("MF-SNIPS on ratings (self-normalised IPS)", StoredModel.MF, Weighting.SNIPS);

    private final String label;
    private final String stored;
    private final Weighting weighting;

    ModelKind(String label, String stored, Weighting weighting) {
        this.label = label;
        this.stored = stored;
        this.weighting = weighting;
    }

    /** The model file's kind: sasrec, bpr or mf. */
    public String stored() {
        return stored;
    }

    /** How a rating model weighs the observed ratings; null for the ranking models. */
    public Weighting weighting() {
        return weighting;
    }

    /** Whether it learns from rating values, so the data need a feedback column. */
    public boolean needsRatings() {
        return weighting != null;
    }

    /** Whether it needs propensities (the IPS and SNIPS variants). */
    public boolean needsPropensities() {
        return weighting != null && weighting != Weighting.NAIVE;
    }

    /** A short name for lists and file names. */
    public String shortName() {
        return switch (this) {
            case SASREC -> "SASRec";
            case BPR -> "BPR";
            case MF -> "MF";
            case MF_IPS -> "MF-IPS";
            case MF_SNIPS -> "MF-SNIPS";
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
