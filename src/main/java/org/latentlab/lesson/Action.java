package org.latentlab.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.latentlab.data.FaceFactor;
import org.latentlab.data.ImageMeasures;

/**
 * The one thing a lesson step asks the class to do, from a small closed vocabulary the window can
 * watch for: {@code press train}, {@code drag beta-slider}, {@code toggle log-scale},
 * {@code choose linear in grid-spacing}, {@code open attributes}, {@code click a point in scatter},
 * {@code draw in draw-pad}, {@code move smile slider}. Each {@link Verb} takes one
 * {@link ControlId.Kind} of target.
 *
 * @param verb     what to do
 * @param target   the control or view to do it on
 * @param argument the value to choose ({@link Verb#CHOOSE}) or the attribute whose slider to move
 *                 ({@link Verb#MOVE}); empty for the other verbs
 */
public record Action(Verb verb, ControlId target, String argument) {

    /** The attribute sliders' names: the class vector, the faces' factors and the measures of any image. */
    public static final List<String> ATTRIBUTE_NAMES = attributeNames();

    /** What a step can ask for, each with the phrase that writes it and the kind of target it takes. */
    public enum Verb {
        /** The button was pressed. */
        PRESS("press ID", ControlId.Kind.BUTTON, "press (\\S+)"),
        /** The slider's value changed. */
        DRAG("drag ID", ControlId.Kind.SLIDER, "drag (\\S+)"),
        /** The switch was turned on or off. */
        TOGGLE("toggle ID", ControlId.Kind.TOGGLE, "toggle (\\S+)"),
        /** The choice now holds the value. */
        CHOOSE("choose VALUE in ID", ControlId.Kind.CHOICE, "choose (\\S+) in (\\S+)"),
        /** The tab is shown. */
        OPEN("open ID", ControlId.Kind.TAB, "open (\\S+)"),
        /** A point of the view was clicked, selecting its image. */
        CLICK("click a point in ID", ControlId.Kind.POINTS, "click a point in (\\S+)"),
        /** Something was drawn on the pad. */
        DRAW("draw in ID", ControlId.Kind.PAD, "draw in (\\S+)"),
        /** The named attribute's slider moved. */
        MOVE("move NAME slider", ControlId.Kind.ATTRIBUTE_SLIDERS, "move (.+) slider");

        private final String phrase;
        private final ControlId.Kind kind;
        private final Pattern pattern;

        Verb(String phrase, ControlId.Kind kind, String pattern) {
            this.phrase = phrase;
            this.kind = kind;
            this.pattern = Pattern.compile(pattern);
        }

        /** How a lesson writes it: "choose VALUE in ID". */
        public String phrase() {
            return phrase;
        }
    }

    public Action {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(argument, "argument");
        if (target.kind() != verb.kind) {
            throw new IllegalArgumentException("'" + verb.name().toLowerCase(Locale.ROOT) + "' needs "
                    + describe(verb.kind) + ", and '" + target + "' is " + describe(target.kind()) + fitting(target));
        }
        if ((verb == Verb.CHOOSE || verb == Verb.MOVE) == argument.isEmpty()) {
            throw new IllegalArgumentException("'" + verb.phrase + "' " + (argument.isEmpty() ? "needs" : "takes no")
                    + " value");
        }
        if (verb == Verb.CHOOSE && !target.options().isEmpty() && !target.options().contains(argument)) {
            throw new IllegalArgumentException("'" + target + "' offers " + String.join(", ", target.options())
                    + ", not '" + argument + "'");
        }
        if (verb == Verb.MOVE && !ATTRIBUTE_NAMES.contains(argument)) {
            throw new IllegalArgumentException("there is no '" + argument + "' slider" + NearestName.suggestion(argument,
                    ATTRIBUTE_NAMES) + " (the sliders are " + String.join(", ", ATTRIBUTE_NAMES) + ")");
        }
    }

    /**
     * Reads a phrase such as {@code press train}.
     *
     * @throws IllegalArgumentException saying which phrases there are, or what is wrong with this one
     */
    public static Action parse(String text) {
        String phrase = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (Verb verb : Verb.values()) {
            Matcher m = verb.pattern.matcher(phrase);
            if (m.matches()) {
                return switch (verb) {
                    case CHOOSE -> new Action(verb, ControlId.parse(m.group(2)), m.group(1));
                    case MOVE -> new Action(verb, ControlId.ATTRIBUTE_SLIDER, m.group(1));
                    default -> new Action(verb, ControlId.parse(m.group(1)), "");
                };
            }
        }
        throw new IllegalArgumentException("expected one of: " + Arrays.stream(Verb.values()).map(Verb::phrase)
                .collect(Collectors.joining(", ")) + "; got '" + text.strip() + "'");
    }

    /** The phrase {@link #parse} reads back. */
    @Override
    public String toString() {
        return switch (verb) {
            case CHOOSE -> "choose " + argument + " in " + target;
            case MOVE -> "move " + argument + " slider";
            default -> verb.phrase.replace("ID", target.id());
        };
    }

    private static String fitting(ControlId target) {
        return Arrays.stream(Verb.values()).filter(v -> v.kind == target.kind()).findFirst()
                .map(v -> "; try '" + v.phrase.replace("ID", target.id()) + "'")
                .orElse("; highlight it and ask for an action on a control, e.g. 'press train'");
    }

    private static String describe(ControlId.Kind kind) {
        return switch (kind) {
            case TAB -> "a tab";
            case VIEW -> "a view to look at";
            case POINTS -> "a view of points";
            case BUTTON -> "a button";
            case SLIDER -> "a slider";
            case TOGGLE -> "a switch";
            case CHOICE -> "a choice";
            case PAD -> "a drawing pad";
            case ATTRIBUTE_SLIDERS -> "the attribute sliders";
        };
    }

    private static List<String> attributeNames() {
        List<String> names = new ArrayList<>(List.of("class"));
        for (FaceFactor factor : FaceFactor.values()) {
            names.add(factor.attributeName());
        }
        names.addAll(ImageMeasures.NAMES);
        return List.copyOf(names);
    }
}
