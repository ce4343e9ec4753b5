package org.latentlab.training;

import java.util.List;
import org.latentlab.model.Encoding;

/**
 * Where the held-out probe images sit in latent space at one moment of training.
 *
 * @param encoding   their posterior means (and log-variances, for a VAE), in validation-set order
 * @param labels     their labels, or −1 where unlabelled
 * @param classNames the names of the labels
 */
public record ProbeSet(Encoding encoding, int[] labels, List<String> classNames) {

    public int size() {
        return encoding.count();
    }
}
