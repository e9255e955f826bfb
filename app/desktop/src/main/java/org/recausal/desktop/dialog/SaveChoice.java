package org.recausal.desktop.dialog;

/** The answer to "save the changes first?". */
public enum SaveChoice {
    SAVE,
    DONT_SAVE,
    CANCEL
}
