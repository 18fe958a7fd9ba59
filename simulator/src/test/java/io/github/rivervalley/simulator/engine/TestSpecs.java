package io.github.rivervalley.simulator.engine;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.github.rivervalley.landscapes.Landscape;
import io.github.rivervalley.landscapes.analytic.RiverProfile;
import io.github.rivervalley.landscapes.analytic.StraightValley;
import io.github.rivervalley.simulator.schedule.Schedule;
import io.github.rivervalley.simulator.spec.LandscapeSpec;
import io.github.rivervalley.simulator.spec.RunSpec;
import io.github.rivervalley.simulator.spec.ScheduleSpec;
import io.github.rivervalley.simulator.spec.SpecReader;

/**
 * Minimal landscape and schedule spec types registered for tests only, so that run specs can be read and
 * validated independently of the landscape and schedule spec families.
 */
final class TestSpecs {

    static {
        SpecReader.instance().mapper().registerSubtypes(
                new NamedType(TestValley.class, "test-valley"), new NamedType(TestConstant.class, "test-constant"));
    }

    private TestSpecs() {
    }

    /** A straight valley with a linear river. */
    record TestValley(double slope, double[] hillCurvature) implements LandscapeSpec {
        @Override
        public Landscape build() {
            return new StraightValley(new RiverProfile.Linear(slope), hillCurvature);
        }
    }

    /** A constant learning rate. */
    record TestConstant(double peak) implements ScheduleSpec {
        @Override
        public Schedule build(long steps) {
            return TestSchedules.constant(peak, steps);
        }
    }

    /** Reads a run spec from YAML text. */
    static RunSpec read(String yaml) {
        return SpecReader.instance().bind(SpecReader.instance().readTree(yaml, "test spec"), RunSpec.class);
    }
}
