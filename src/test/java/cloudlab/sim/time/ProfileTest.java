package cloudlab.sim.time;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Profiles: their values, and the promise a run relies on, that nothing changes before nextChange. */
class ProfileTest {
    @Provide
    Arbitrary<Profile> profiles() {
        Arbitrary<Profile> shapes = net.jqwik.api.Combinators.combine(
                Arbitraries.of(Profile.Shape.Kind.class), Arbitraries.integers().between(0, 50),
                Arbitraries.integers().between(50, 100), Arbitraries.integers().between(1, 40), Arbitraries.longs().between(0, 1000)
        ).as((k, lo, hi, period, seed) -> new Profile.Shape(k, lo, hi, period, seed));
        Arbitrary<Profile> patterns = net.jqwik.api.Combinators.combine(
                Arbitraries.doubles().between(0, 100).array(double[].class).ofMinSize(1).ofMaxSize(5),
                Arbitraries.integers().between(1, 7)).as(Profile.Pattern::new);
        Arbitrary<Profile> steps = Arbitraries.integers().between(1, 5).flatMap(n -> Arbitraries.longs().between(1, 30)
                .array(long[].class).ofSize(n).map(gaps -> {
                    long[] starts = new long[n];
                    double[] values = new double[n];
                    for (int i = 1; i < n; i++) starts[i] = starts[i - 1] + gaps[i];
                    for (int i = 0; i < n; i++) values[i] = (i * 37) % 101;
                    return new Profile.Steps(starts, values);
                }));
        return Arbitraries.oneOf(shapes, patterns, steps, Arbitraries.just(new Profile.Constant(42)));
    }

    @Property(tries = 300)
    void nothingChangesBeforeNextChange(@ForAll("profiles") Profile p, @ForAll @LongRange(min = 0, max = 500) long t) {
        long next = p.nextChange(t);
        assertTrue(next > t);
        double v = p.at(t);
        for (long s = t; s < Math.min(next, t + 200); s++) assertEquals(v, p.at(s), 0, "at second " + s + " of " + p);
        assertTrue(v >= 0 && v <= 100);
    }

    @Test
    void aWaveRisesFromLowToHighAndBack() {
        Profile wave = new Profile.Shape(Profile.Shape.Kind.WAVE, 10, 90, 20, 0);
        assertEquals(10, wave.at(0), 1e-9);
        assertEquals(90, wave.at(10), 1e-9);
        assertEquals(10, wave.at(20), 1e-9);
    }

    @Test
    void aBurstIsHighForAQuarterOfEachPeriod() {
        Profile bursts = new Profile.Shape(Profile.Shape.Kind.BURSTS, 5, 95, 40, 9);
        for (int window = 0; window < 5; window++) {
            int high = 0;
            for (int s = 0; s < 40; s++) if (bursts.at(window * 40L + s) == 95) high++;
            assertEquals(10, high, "window " + window);
        }
    }

    @Test
    void theSameSeedGivesTheSameLoadAndAnotherSeedAnother() {
        Profile a = new Profile.Shape(Profile.Shape.Kind.RANDOM, 0, 100, 10, 1);
        Profile b = new Profile.Shape(Profile.Shape.Kind.RANDOM, 0, 100, 10, 1);
        Profile c = new Profile.Shape(Profile.Shape.Kind.RANDOM, 0, 100, 10, 2);
        boolean differs = false;
        for (long s = 0; s < 200; s += 10) {
            assertEquals(a.at(s), b.at(s));
            differs |= a.at(s) != c.at(s);
        }
        assertTrue(differs);
    }
}
