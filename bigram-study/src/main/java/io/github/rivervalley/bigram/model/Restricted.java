package io.github.rivervalley.bigram.model;

import io.github.rivervalley.landscapes.Landscape;

/**
 * A landscape seen through a subset S of its coordinates around a fixed point x: {@code f(y) = L(x with
 * x_S = y)}. Its Hessian is the principal submatrix {@code H_SS} of L's Hessian, so the spectral tools of the
 * landscapes module give the sharpness of the loss restricted to a group's parameters. Not for hot loops
 * (every call copies the full point).
 */
final class Restricted implements Landscape {

    private final Landscape full;
    private final double[] base;
    private final int[] coordinates;

    Restricted(Landscape full, double[] base, int[] coordinates) {
        this.full = full;
        this.base = base.clone();
        this.coordinates = coordinates.clone();
    }

    /** The restricted point corresponding to the base point. */
    double[] start() {
        double[] y = new double[coordinates.length];
        for (int n = 0; n < coordinates.length; n++) {
            y[n] = base[coordinates[n]];
        }
        return y;
    }

    private double[] embed(double[] y) {
        double[] x = base.clone();
        for (int n = 0; n < coordinates.length; n++) {
            x[coordinates[n]] = y[n];
        }
        return x;
    }

    @Override
    public int dimension() {
        return coordinates.length;
    }

    @Override
    public double value(double[] y) {
        return full.value(embed(y));
    }

    @Override
    public double gradient(double[] y, double[] gradient) {
        double[] g = new double[full.dimension()];
        double loss = full.gradient(embed(y), g);
        for (int n = 0; n < coordinates.length; n++) {
            gradient[n] = g[coordinates[n]];
        }
        return loss;
    }

    @Override
    public void hessianVectorProduct(double[] y, double[] v, double[] out) {
        double[] direction = new double[full.dimension()];
        for (int n = 0; n < coordinates.length; n++) {
            direction[coordinates[n]] = v[n];
        }
        double[] hv = new double[full.dimension()];
        full.hessianVectorProduct(embed(y), direction, hv);
        for (int n = 0; n < coordinates.length; n++) {
            out[n] = hv[coordinates[n]];
        }
    }

    @Override
    public String toString() {
        return "Restricted[" + coordinates.length + " of " + full.dimension() + " coordinates of " + full + "]";
    }
}
