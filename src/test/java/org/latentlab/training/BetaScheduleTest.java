package org.latentlab.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.TestDatasets;
import org.latentlab.model.ModelKind;

/** β schedules: their shapes, and that one chosen in the middle of a run starts when it is chosen. */
class BetaScheduleTest {

    @TempDir
    Path folder;

    private static TrainingSession session(TrainingConfig config) {
        return new TrainingSession(TestDatasets.bars(256, 1), TestDatasets.bars(40, 99),
                TestDatasets.smallModel(ModelKind.VAE, 2), config);
    }

    private static void steps(TrainingSession session, int count) {
        for (int i = 0; i < count; i++) {
            session.step();
        }
    }

    @Test
    void annealingSchedulesRiseToTheirTarget() {
        BetaSchedule warmup = new BetaSchedule.LinearWarmup(2.0, 100);
        assertEquals(0.0, warmup.betaAt(0), 0.0);
        assertEquals(1.0, warmup.betaAt(50), 1e-12);
        assertEquals(2.0, warmup.betaAt(500), 0.0);
        BetaSchedule cyclical = new BetaSchedule.Cyclical(1.0, 100);
        assertEquals(0.5, cyclical.betaAt(25), 1e-12);
        assertEquals(1.0, cyclical.betaAt(75), 0.0);
        assertEquals(0.0, cyclical.betaAt(100), 0.0);
        assertEquals(cyclical, BetaSchedule.parse("cyclical:100", 1.0));
    }

    /** A session that trained 30 iterations at β = 1 and was then given a warm-up to 2 over 20 iterations. */
    private static TrainingSession warmUpChosenAtIteration30() {
        TrainingSession session = session(new TrainingConfig(1e-3, 16, 0, new BetaSchedule.Constant(1),
                LossTerms.COMBINED, 3));
        steps(session, 30);
        session.setSchedule(new BetaSchedule.LinearWarmup(2.0, 20));
        return session;
    }

    @Test
    void aWarmUpChosenInTheMiddleOfARunStartsFromZeroWhenItIsChosen() {
        TrainingSession session = warmUpChosenAtIteration30();
        assertEquals(0.0, session.beta(), 0.0, "β for the first step of the warm-up");
        steps(session, 5);
        assertEquals(0.5, session.beta(), 1e-12, "a quarter of the way up");
        IterationHistory.View history = session.history();
        assertEquals(1.0, history.beta(29), 0.0, "the last step before the change");
        assertEquals(0.0, history.beta(30), 0.0, "the first step of the warm-up");
        assertEquals(0.1, history.beta(31), 1e-6);
        steps(session, 15);
        assertEquals(2.0, session.beta(), 0.0, "at the target after the 20 iterations of the warm-up");
    }

    @Test
    void movingTheTargetBetaKeepsTheScheduleWhereItIs() {
        TrainingSession session = warmUpChosenAtIteration30();
        steps(session, 5);
        session.setBetaTarget(4.0);
        assertEquals(1.0, session.beta(), 1e-12, "a quarter of the way up to the new target");
        assertEquals(30, session.schedule().start());
    }

    @Test
    void aCyclicalScheduleChosenLaterBeginsItsFirstCycleThen() {
        TrainingSession session = session(new TrainingConfig(1e-3, 16, 0, new BetaSchedule.Constant(1),
                LossTerms.COMBINED, 3));
        steps(session, 7);
        session.setSchedule(new BetaSchedule.Cyclical(1.0, 10));
        assertEquals(0.0, session.beta(), 0.0);
        steps(session, 4);
        assertEquals(0.8, session.beta(), 1e-12);
        steps(session, 6);
        assertEquals(0.0, session.beta(), 0.0, "the second cycle starts 10 iterations after the first");
    }

    @Test
    void aSavedRunKeepsWhenItsScheduleStartedAndResumesOnTheSameCurve() throws IOException {
        TrainingSession session = session(new TrainingConfig(1e-3, 16, 0, new BetaSchedule.Constant(1),
                LossTerms.COMBINED, 3));
        steps(session, 16); // one epoch: resuming starts at the next one
        session.setSchedule(new BetaSchedule.LinearWarmup(1.0, 40));
        steps(session, 16);
        double beta = session.beta();
        assertEquals(0.4, beta, 1e-12);
        Path file = folder.resolve(RunFile.FILE_NAME);
        RunFile.save(session.toSavedRun("bars"), file);

        SavedRun loaded = RunFile.load(file);
        assertEquals(16, loaded.trainingConfig().beta().start());
        TrainingSession resumed = TrainingSession.resume(TestDatasets.bars(256, 1), TestDatasets.bars(40, 99), loaded);
        assertEquals(beta, resumed.beta(), 0.0);
    }

    @Test
    void aFreshSessionStartsItsScheduleAtItsOwnFirstIteration() {
        TrainingSession fresh = session(new TrainingConfig(1e-3, 16, 0, new BetaSchedule.LinearWarmup(1.0, 10, 500),
                LossTerms.COMBINED, 3));
        assertEquals(0, fresh.schedule().start());
        steps(fresh, 5);
        assertEquals(0.5, fresh.beta(), 1e-12);
    }
}
