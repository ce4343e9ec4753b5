package org.latentlab.training;

/**
 * One panel of a {@link CompareSnapshot}: a variant and everything its model shows at that moment.
 * Immutable.
 *
 * @param variant  which model this is
 * @param training its own snapshot: probe encoding, loss history, KL per dimension, decoder copy
 * @param stopped  whether this model stopped after its loss became NaN or infinite while the
 *                 others went on; {@code training.message()} then says why
 */
public record VariantSnapshot(CompareVariant variant, TrainingSnapshot training, boolean stopped) {
}
