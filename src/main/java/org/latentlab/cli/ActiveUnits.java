package org.latentlab.cli;

import java.util.List;
import java.util.Locale;
import org.latentlab.data.Dataset;
import org.latentlab.model.Encoding;
import org.latentlab.model.LatentModel;
import org.latentlab.training.TrainingSnapshot;

/**
 * The line {@code train} and {@code evaluate} print about how many latent dimensions a model uses:
 * those whose posterior mean E_q[z_d|x] varies over the held-out images with variance above 0.01
 * (Burda et al. 2016), at each level of a hierarchical VAE.
 */
final class ActiveUnits {

    private ActiveUnits() {
    }

    static String describe(LatentModel model, Dataset images) {
        List<Encoding> levels = model.encodeLevels(images.pixels(images.size()), images.labels(images.size()),
                images.size());
        StringBuilder line = new StringBuilder("active units (posterior means varying over the ")
                .append(images.size()).append(" images with variance > ")
                .append(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD).append("): ");
        for (int l = 0; l < levels.size(); l++) {
            Encoding level = levels.get(l);
            line.append(l == 0 ? "" : ", ")
                    .append(levels.size() == 1 ? "" : "z" + (char) ('₁' + l) + " ")
                    .append(String.format(Locale.ROOT, "%d of %d",
                            level.activeUnits(TrainingSnapshot.ACTIVE_UNIT_THRESHOLD), level.latentSize()));
        }
        return line.toString();
    }
}
