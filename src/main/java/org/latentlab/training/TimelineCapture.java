package org.latentlab.training;

import org.latentlab.model.DecoderWeights;

/**
 * The raw material of a timeline entry, taken on the thread that trains: the moment's numbers,
 * the probe's encoding and a copy of the decoder. A window's trainer has both in the snapshot it
 * publishes anyway; {@code train} makes them. Immutable.
 */
record TimelineCapture(long iteration, int epoch, double epochProgress, double beta, double learningRate,
                       ProbeSet probe, DecoderWeights decoder) {

    static TimelineCapture of(TrainingSnapshot s) {
        return new TimelineCapture(s.iteration(), s.epoch(), s.epochProgress(), s.beta(), s.learningRate(), s.probe(),
                s.decoder());
    }

    /** Encodes the probe and copies the decoder: on {@code session}'s thread. */
    static TimelineCapture of(TrainingSession session) {
        return new TimelineCapture(session.iteration(), session.completedEpochs(), session.epochProgress(),
                session.beta(), session.learningRate(), session.encodeProbe(), session.model().decoderWeights());
    }
}
