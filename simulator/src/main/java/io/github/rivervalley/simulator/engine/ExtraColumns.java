package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.Decomposer;
import io.github.rivervalley.landscapes.GroupCurvature;
import java.util.ArrayList;
import java.util.List;

/**
 * The landscape-specific columns of a run's trace: the decomposer's extras (measured on every row), then,
 * when the run records sharpness and the landscape has {@link GroupCurvature}, its per-group curvature
 * columns (measured on the sharpness rows only, empty elsewhere).
 */
final class ExtraColumns {

    private ExtraColumns() {
    }

    static List<String> of(Run run) {
        List<String> names = new ArrayList<>(measured(run.landscape()));
        if (run.record().sharpnessEvery() > 0 && run.landscape() instanceof GroupCurvature curvature) {
            names.addAll(curvature.curvatureColumns());
        }
        return List.copyOf(names);
    }

    /** The decomposer's extra columns only. */
    static List<String> measured(Object landscape) {
        return landscape instanceof Decomposer d ? d.extraColumns() : List.of();
    }
}
