package io.github.rivervalley.simulator.theory;

/**
 * The expected state of one line at one step: what the replica means of a simulation converge to.
 *
 * @param line the line's name
 * @param step updates applied on the line
 * @param lr the rate of the update that produced this state (as the trace's {@code lr} column)
 * @param loss expected loss {@code E[L(x)]}
 * @param riverLoss expected river loss {@code E[r(x_0)]}
 * @param hillExcess expected hill excess {@code E[sum_i (lambda_i / 2) h_i^2]}
 * @param riverCoord expected river coordinate {@code E[x_0]}
 * @param riverCoordSd standard deviation of the river coordinate over replicas
 * @param hillDisp expected displacement along the steepest hill
 * @param hillDispSd its standard deviation over replicas
 */
public record ExpectedRow(String line, long step, double lr, double loss, double riverLoss, double hillExcess,
        double riverCoord, double riverCoordSd, double hillDisp, double hillDispSd) {
}
