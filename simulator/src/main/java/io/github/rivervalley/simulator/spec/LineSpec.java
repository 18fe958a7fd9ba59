package io.github.rivervalley.simulator.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.List;

/**
 * One line of a {@code piecewise} schedule written with {@code lines}.
 *
 * @param name the line's name ({@code main}, {@code branch-12500}, ...)
 * @param parent the line it forks from (listed earlier), or absent for a line trained from the start
 * @param phases its own phases; a branch's first phase gives its fork step as {@code start}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineSpec(String name, String parent, List<PhaseSpec> phases) {

    public LineSpec {
        Check.present("name", name);
        Names.check("name", name, "it is written to trace.csv");
        Check.present("phases", phases);
        if (phases.isEmpty()) {
            throw new InvalidValueException("phases", "[]", "at least one phase");
        }
        phases = List.copyOf(phases);
    }
}
