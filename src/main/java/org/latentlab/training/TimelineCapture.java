package org.latentlab.training;

/**
 * The raw material of a timeline entry, taken on the thread that trains right after a step: the
 * moment's numbers and a copy of the model's weights (under a millisecond for the reference
 * network). Everything else, encoding the probe and decoding the pictures, is done from it on the
 * recorder's worker. Immutable; the array is the capture's own and nobody writes to it.
 */
record TimelineCapture(long iteration, int epoch, double epochProgress, double beta, double learningRate,
                       float[] parameters) {

    /** The moment {@code session} is at; on its thread. */
    static TimelineCapture of(TrainingSession session) {
        return new TimelineCapture(session.iteration(), session.completedEpochs(), session.epochProgress(),
                session.beta(), session.learningRate(), session.model().parameters());
    }
}
