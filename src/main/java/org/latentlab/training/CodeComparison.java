package org.latentlab.training;

import java.util.List;
import org.latentlab.model.ModelConfig;

/**
 * The same held-out images encoded by a conditional VAE and by a plain VAE trained beside it
 * ({@link PlainTwin}), with how much of the class each one's codes hold. Immutable; the arrays are
 * not copied and must not be written to.
 *
 * @param conditional the conditional VAE's codes, each image encoded with its own class, and the
 *                    share of their classes its {@value ClassFromCode#K} nearest training codes give
 * @param plain       the plain VAE's codes of the same images, and that share
 * @param labels      the images' classes, in the codes' order
 * @param classNames  the classes' names
 * @param chance      the share of the commonest class among the images, in [0, 1]: what always
 *                    guessing it gets
 * @param iteration   the optimisation steps both models had taken, on the same minibatches
 * @param plainConfig the plain VAE's network: the conditional one's without the class inputs
 */
public record CodeComparison(ClassFromCode.Reading conditional, ClassFromCode.Reading plain, int[] labels,
                             List<String> classNames, double chance, long iteration, ModelConfig plainConfig) {

    public CodeComparison {
        classNames = List.copyOf(classNames);
        if (conditional.codes().count() != labels.length || plain.codes().count() != labels.length) {
            throw new IllegalArgumentException(conditional.codes().count() + " and " + plain.codes().count()
                    + " codes of " + labels.length + " labelled images");
        }
    }
}
