package concurrencylab.tasks;

import concurrencylab.util.Require;

/** Counts primes in [from, to) by trial division: pure CPU work. See {@link LabTasks#countPrimes}. */
record PrimeCount(long from, long to) implements PortableCallable<Long> {

    PrimeCount {
        Require.atLeast("fromInclusive", from, 0);
        Require.atLeast("toExclusive", to, from);
    }

    @Override
    public Long call() throws InterruptedException {
        long count = 0;
        for (long n = from; n < to; n++) {
            if ((n & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("countPrimes interrupted at " + n);
            }
            if (isPrime(n)) {
                count++;
            }
        }
        return count;
    }

    static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        if (n % 2 == 0) {
            return n == 2;
        }
        for (long d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                return false;
            }
        }
        return true;
    }
}
