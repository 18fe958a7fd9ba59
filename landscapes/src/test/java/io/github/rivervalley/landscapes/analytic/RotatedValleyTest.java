package io.github.rivervalley.landscapes.analytic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rivervalley.landscapes.check.InvalidValueException;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RotatedValleyTest {

    /** Sums of d products of unit-size numbers: rounding grows like sqrt(d) eps; 1e-12 covers d <= ~100. */
    private static final double EXACT = 1e-12;

    private final StraightValley straight = new StraightValley(new RiverProfile.Softplus(1.0), HillSpectrum.powerLaw(30.0, 0.7, 11));
    private final RotatedValley rotated = new RotatedValley(straight, 99L);

    @Test
    void rotationIsOrthonormalAndDeterministic() {
        DMatrixRMaj q = rotated.rotation();
        DMatrixRMaj qtq = new DMatrixRMaj(12, 12);
        CommonOps_DDRM.multTransA(q, q, qtq);
        assertTrue(CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(qtq, CommonOps_DDRM.identity(12), null)) < EXACT);
        assertArrayEquals(q.data, new RotatedValley(straight, 99L).rotation().data, 0.0, "same seed, same bits");
        assertFalse(java.util.Arrays.equals(q.data, new RotatedValley(straight, 100L).rotation().data), "another seed, another basis");
        assertTrue(rotated.toString().length() < 200, rotated.toString());
    }

    /** Rotating back with Q^T must give the straight valley's decomposition of Q^T z. */
    @Test
    void decompositionIsTheStraightValleysAfterRotatingBack() {
        int d = rotated.dimension();
        SplittableRandom random = new SplittableRandom(5);
        double[] y = new double[d];
        double[] p = new double[d];
        double[] pBack = new double[d];
        double[] pStraight = new double[d];
        double[] g = new double[d];
        double[] gBack = new double[d];
        double[] gStraight = new double[d];
        double[] tangent = new double[d];
        double[] tangentBack = new double[d];
        for (int trial = 0; trial < 20; trial++) {
            double[] z = random.doubles(d, -2, 2).toArray();
            rotated.toValleyFrame(z, y);
            double scale = 1 + Math.abs(straight.value(y));
            assertEquals(straight.value(y), rotated.value(z), EXACT * scale, "loss");
            assertEquals(straight.riverLoss(y), rotated.riverLoss(z), EXACT * scale, "river loss");
            assertEquals(straight.hillExcess(y), rotated.hillExcess(z), EXACT * scale, "hill excess");
            assertEquals(straight.hillDistance(y), rotated.hillDistance(z), EXACT * 10, "hill distance");
            assertEquals(y[0], rotated.riverCoordinate(z), EXACT * 10, "river coordinate");
            rotated.project(z, p);
            rotated.toValleyFrame(p, pBack);
            straight.project(y, pStraight);
            assertArrayEquals(pStraight, pBack, EXACT * 10, "Q^T Phi(z) = Phi_S(Q^T z)");
            rotated.gradient(z, g);
            rotated.toValleyFrame(g, gBack);
            straight.gradient(y, gStraight);
            assertArrayEquals(gStraight, gBack, EXACT * 100, "Q^T grad = grad_S");
            rotated.riverTangent(z, tangent);
            rotated.toValleyFrame(tangent, tangentBack);
            double[] e0 = new double[d];
            e0[0] = 1;
            assertArrayEquals(e0, tangentBack, EXACT, "the river runs along Q e_0");
            DMatrixRMaj basis = rotated.hillBasis(z);
            DMatrixRMaj back = new DMatrixRMaj(d, d - 1);
            CommonOps_DDRM.multTransA(rotated.rotation(), basis, back);
            DMatrixRMaj expected = straight.hillBasis(y);
            assertTrue(CommonOps_DDRM.elementMaxAbs(CommonOps_DDRM.subtract(back, expected, null)) < EXACT, "Q^T hillBasis = hillBasis_S");
        }
    }

    @Test
    void rejectsHugeDimensions() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new RotatedValley(new StraightValley(new RiverProfile.Linear(1.0), HillSpectrum.constant(1.0, RotatedValley.MAX_DIMENSION)), 1L));
        assertEquals("dimension", e.field());
        assertEquals("valley", assertThrows(InvalidValueException.class, () -> new RotatedValley(null, 1L)).field());
    }
}
