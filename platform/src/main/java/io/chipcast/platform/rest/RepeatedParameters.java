package io.chipcast.platform.rest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Query parameters that may repeat, each occurrence a comma-separated list: {@code ?type=A,B&type=C}. */
public final class RepeatedParameters {

    private RepeatedParameters() {
    }

    /** Every value given, trimmed, blanks left out; empty when none is. */
    public static Set<String> values(List<String> occurrences) {
        Set<String> values = new LinkedHashSet<>();
        occurrences.stream().flatMap(occurrence -> Arrays.stream(occurrence.split(","))).map(String::trim)
                .filter(value -> !value.isEmpty()).forEach(values::add);
        return values;
    }

    /** Every value given, each an identifier ({@link RequestParameters#identifier}); one that is not is a 400 problem naming the parameter. */
    public static Set<String> identifiers(String parameter, List<String> occurrences) {
        Set<String> identifiers = values(occurrences);
        identifiers.forEach(value -> RequestParameters.identifier(parameter, value));
        return identifiers;
    }

    /** Every constant named; a name that is not one is a 400 problem naming the parameter. */
    public static <E extends Enum<E>> Set<E> constants(String parameter, List<String> occurrences, Class<E> type) {
        Set<E> constants = EnumSet.noneOf(type);
        for (String value : values(occurrences)) {
            try {
                constants.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return constants;
    }
}
