package org.latentlab.ui.explorer;

/** Asks the user a yes-or-no question before something that loses work. */
@FunctionalInterface
public interface Confirmation {

    /** @return whether the user agreed */
    boolean confirm(String title, String question, String yes, String no);
}
