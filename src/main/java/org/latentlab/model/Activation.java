package org.latentlab.model;

/**
 * The nonlinearity of the hidden layers. Each derivative is written in terms of the activation's
 * output y = f(a), which is all the backward pass keeps.
 */
public enum Activation {
    RELU {
        @Override public float apply(float a) { return a > 0f ? a : 0f; }
        @Override public float derivativeFromOutput(float y) { return y > 0f ? 1f : 0f; }
    },
    LEAKY_RELU {
        @Override public float apply(float a) { return a > 0f ? a : LEAK * a; }
        @Override public float derivativeFromOutput(float y) { return y > 0f ? 1f : LEAK; }
    },
    /** f(a) = a for a > 0, eᵃ − 1 otherwise; so f'(a) = y + 1 where y ≤ 0. */
    ELU {
        @Override public float apply(float a) { return a > 0f ? a : (float) Math.expm1(a); }
        @Override public float derivativeFromOutput(float y) { return y > 0f ? 1f : y + 1f; }
    },
    TANH {
        @Override public float apply(float a) { return (float) Math.tanh(a); }
        @Override public float derivativeFromOutput(float y) { return 1f - y * y; }
    };

    /** The slope of {@link #LEAKY_RELU} below zero. */
    static final float LEAK = 0.01f;

    public abstract float apply(float a);

    /** f'(a) expressed through y = f(a). */
    public abstract float derivativeFromOutput(float y);

    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Activation fromCliName(String name) {
        for (Activation activation : values()) {
            if (activation.cliName().equalsIgnoreCase(name)) {
                return activation;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "': expected relu, leaky-relu, elu or tanh");
    }
}
