package io.github.rivervalley.simulator.sweep;

import java.nio.file.Path;

/** Runs a sweep with the stand-in engine in its own JVM, for the kill test: {@code SWEEP.yaml DIR THREADS}. */
public final class FakeSweepMain {

    private FakeSweepMain() {
    }

    public static void main(String[] args) {
        SweepSpec spec = SweepSpec.read(Path.of(args[0]));
        FakeEngine engine = new FakeEngine();
        new SweepRunner(Sweep.expand(spec, engine), Path.of(args[1]))
                .run(Integer.parseInt(args[2]), Shard.ALL, false, new SweepRunner.Listener() {
                    @Override
                    public void begin(int runs, int alreadyDone) {
                        // Tells the kill test that runs are about to start.
                        System.out.println("begin " + alreadyDone + "/" + runs);
                        System.out.flush();
                    }
                });
    }
}
