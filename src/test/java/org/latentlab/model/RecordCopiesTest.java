package org.latentlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's value records keep their own arrays: changing what went in or came out changes nothing. */
class RecordCopiesTest {

    @Test
    void aModelStateIsNotChangedThroughTheArraysItWasMadeFromOrHandsOut() {
        float[] parameters = {1, 2};
        float[] moments = {3, 4, 5, 6};
        ModelState state = new ModelState(parameters, moments, 7);
        parameters[0] = 99;
        moments[0] = 99;
        state.parameters()[1] = 99;
        state.optimizerState()[1] = 99;
        assertArrayEquals(new float[] {1, 2}, state.parameters(), 0f);
        assertArrayEquals(new float[] {3, 4, 5, 6}, state.optimizerState(), 0f);
        assertEquals(2, state.parameterCount());
    }

    @Test
    void decoderWeightsAreNotChangedThroughTheArraysTheyWereMadeFromOrHandOut() {
        float[] parameters = new float[(1 + 1) * 2];
        DecoderWeights weights = new DecoderWeights(List.of(1, 2), Activation.RELU, Likelihood.BERNOULLI, 2, 1, parameters,
                List.of(), new float[0], 0, new float[0]);
        parameters[0] = 5;
        weights.parameters()[1] = 5;
        assertArrayEquals(new float[4], weights.parameters(), 0f);
    }

    @Test
    void anEncodingIsNotChangedThroughTheArraysItWasMadeFrom() {
        float[] means = {1, 2};
        float[] logVariances = {-1, -2};
        Encoding encoding = new Encoding(means, logVariances, 1, 2);
        means[0] = 9;
        logVariances[1] = 9;
        assertEquals(1f, encoding.mean(0, 0));
        assertEquals(-2f, encoding.logVariance(0, 1));
    }
}
