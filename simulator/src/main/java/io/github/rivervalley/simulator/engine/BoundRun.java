package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.landscapes.check.Check;
import io.github.rivervalley.simulator.spec.RunSpec;

/**
 * A run spec bound to the domain once ({@link Simulation#bind}): the resolved spec, every default written
 * out (what {@code spec.yaml} records), and the run built and validated from it, ready to execute.
 *
 * @param spec the resolved run spec
 * @param run the run built from it
 */
public record BoundRun(RunSpec spec, Run run) {

    public BoundRun {
        Check.present("spec", spec);
        Check.present("run", run);
    }

    /** Whether this is an expected-value run ({@code replicas: expected}): the moment engine only. */
    public boolean isExpected() {
        return spec.isExpected();
    }
}
