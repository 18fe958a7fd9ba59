package io.github.rivervalley.bigram.model;

/**
 * Whether the bigram kernels use Java's Vector API ({@code jdk.incubator.vector}, incubating in Java 17: it is
 * in the JVM only when started with {@code --add-modules jdk.incubator.vector}, as the launcher and the tests
 * do). Each kernel written with it has a plain-Java twin that gives the same bits (the same operations in the
 * same order; the tests check the two against each other), so this changes speed only, never a result.
 * {@code -Drivervalley.vector=false} uses the plain-Java kernels even when the module is there, to compare.
 */
public final class VectorApi {

    private static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("rivervalley.vector"));

    private VectorApi() {
    }

    /** True when the Vector API kernels run (the module is present and not turned off). */
    public static boolean enabled() {
        return ENABLED;
    }
}
