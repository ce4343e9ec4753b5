package org.latentlab.lesson;

import java.util.Collection;
import java.util.Locale;

/** The known name nearest to a misspelt one, by edit distance, for "did you mean …?" in messages. */
final class NearestName {

    private NearestName() {
    }

    /**
     * "; did you mean 'beta'?" when a known name is within a few edits of {@code text} (a third of
     * its length, at least 2), otherwise "".
     */
    static String suggestion(String text, Collection<String> known) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int distance = distance(wanted, name);
            if (distance < bestDistance || distance == bestDistance && name.compareTo(best) < 0) {
                best = name;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, wanted.length() / 3);
        return best != null && bestDistance <= allowed ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character each count 1. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
