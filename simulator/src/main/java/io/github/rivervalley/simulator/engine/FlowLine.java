package io.github.rivervalley.simulator.engine;

import io.github.rivervalley.simulator.flow.GradientFlow;
import io.github.rivervalley.simulator.results.StepObserver;
import io.github.rivervalley.simulator.results.TraceLayout;
import io.github.rivervalley.simulator.results.TraceRow;
import io.github.rivervalley.simulator.schedule.Line;
import java.util.Arrays;
import java.util.List;

/** The gradient-flow reference line ({@code flow}): one trajectory, measured like a replica at each recorded step. */
final class FlowLine {

    private final Run run;
    private final Worker worker;
    private final TraceLayout layout;
    private final RowMaker rows;
    private final int width;
    private final boolean sharpness;

    FlowLine(Run run, Worker worker, TraceLayout layout, RowMaker rows, int width) {
        this.run = run;
        this.worker = worker;
        this.layout = layout;
        this.rows = rows;
        this.width = width;
        this.sharpness = run.record().sharpnessEvery() > 0;
    }

    /** The gradient-flow reference line, sampled at the first root line's recorded steps. */
    void run(List<StepObserver> observers) {
        Line main = run.schedule().lines().get(0);
        RecordPlan plan = new RecordPlan(main, run.schedule(), run.record());
        Replica flow = new Replica(run.start(), null, null);
        GradientFlow.Clock clock = new GradientFlow.Clock() {
            private long step = -1;
            private long next = plan.first();
            private double time;

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public double next() {
                if (step >= 0) {
                    for (long s = step; s < next; s++) {
                        time += main.lr().at(s);
                    }
                }
                step = next;
                next = plan.next(next);
                return time;
            }

            @Override
            public long step() {
                return step;
            }
        };
        double[] mean = new double[width];
        double[] m2 = new double[width];
        double finalTime = 0.0;
        for (long s = main.forkStep(); s < main.endStep(); s++) {
            finalTime += main.lr().at(s); // the clock's sum in the same order, so its last time is this
        }
        new GradientFlow(run.landscape()).sample(run.start(), finalTime, clock, (step, x) -> {
            System.arraycopy(x, 0, flow.x, 0, x.length);
            double loss = worker.measure(flow.x, sharpness && step % run.record().sharpnessEvery() == 0, false, null);
            double[] values = worker.values;
            if (worker.decomposer != null) {
                flow.observeDisplacement(values[Worker.HILL_DISP]);
                values[Worker.CROSSINGS] = flow.crossings;
                values[Worker.AMPLITUDE] = flow.amplitude;
            }
            flow.crossings = 0;
            flow.amplitude = 0.0;
            System.arraycopy(values, 0, mean, 0, width);
            boolean finite = Double.isFinite(loss);
            double[] row = rows.values(step, rows.lr(main, step), finite ? 1 : 0, mean, m2, finite ? 0 : 1);
            if (layout.lossSe() >= 0) {
                Arrays.fill(row, layout.lossSe(), layout.lossSe() + 3, Double.NaN);
            }
            if (layout.path() >= 0) { // the flow is one trajectory: its path is itself
                if (finite) {
                    worker.path(flow.x, layout.pathCoordinates(), row, layout.path());
                } else {
                    Arrays.fill(row, layout.path(), layout.path() + layout.pathWidth(), Double.NaN);
                }
            }
            TraceRow traceRow = new TraceRow(GradientFlow.LINE, row);
            for (StepObserver observer : observers) {
                observer.handleStep(traceRow);
            }
        });
    }
}
