package org.latentlab.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A run trained ahead of time and shipped with the application, so a class sees a trained state at
 * once and can still press Train to go on. It is made by one seeded {@code latent-lab} command
 * ({@code src/lessons/make-ready-runs.sh} runs them all) and shipped as one run file without Adam's
 * moments and without a timeline ({@code training.ReadyRunFiles} reads it by {@link #name}); a
 * comparison ({@code train --compare}) is shipped as the folder of runs that command writes.
 *
 * @param name        what setups and lessons say: lower-case letters, digits and '-'
 * @param description one line saying what the run shows
 * @param command     the command that makes it, without {@code --out}: {@code train --epochs 5 --seed 42}
 * @param planned     whether the window cannot load the run yet (a model or a view it does not have):
 *                    such a run is listed but not made nor shipped, and setups naming it take none of
 *                    its settings; none is planned now
 */
public record ReadyRun(String name, String description, String command, boolean planned) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern COMMAND = Pattern.compile("train( --[a-z][a-z-]* [^ ]+)+");

    public ReadyRun {
        Objects.requireNonNull(description, "description");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a ready run's name must be lower-case letters, digits and '-', got " + name);
        }
        if (command == null || !COMMAND.matcher(command).matches() || command.contains("--out ")
                || !command.contains("--seed ") || !command.contains("--epochs ")) {
            throw new IllegalArgumentException("the ready run " + name + " must be made by 'train --FLAG VALUE …' with"
                    + " --epochs and --seed and without --out, got '" + command + "'");
        }
    }

    /**
     * The setup keys its command sets, as the command says them (the flags are the keys), except
     * {@code epochs}: how long the run was trained is not a limit on training it further.
     *
     * @throws IllegalStateException if a flag is not a setup key (a mistake in the registry)
     */
    public Map<SetupKey, String> settings() {
        Map<SetupKey, String> settings = new LinkedHashMap<>();
        String[] words = command.split(" ");
        for (int i = 1; i < words.length; i += 2) {
            String flag = words[i].substring(2);
            SetupKey key = SetupKey.byName(flag).orElseThrow(() -> new IllegalStateException(
                    "the ready run " + name + " uses --" + flag + ", which setups cannot say"));
            if (key != SetupKey.EPOCHS) {
                settings.put(key, words[i + 1]);
            }
        }
        return Collections.unmodifiableMap(settings);
    }

    /**
     * Whether a setup that loads this run must agree with it on {@code key}: the keys that need a
     * new model; for a comparison, its models instead of the Explore tab's model kind.
     */
    public boolean fixes(SetupKey key) {
        if (comparison()) {
            return key.network() && key != SetupKey.MODEL || key == SetupKey.COMPARE;
        }
        return key.network();
    }

    /** Whether it is a comparison of several models ({@code train --compare}) rather than one model. */
    public boolean comparison() {
        return command.contains(" --compare ");
    }
}
