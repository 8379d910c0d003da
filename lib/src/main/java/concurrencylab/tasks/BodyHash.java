package concurrencylab.tasks;

import concurrencylab.util.Require;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

/** Hashes raw bytes, then re-hashes the digest, and says who did it. See {@link LabTasks#sha256Report}. */
record BodyHash(byte[] body, int rounds) implements PortableCallable<HashReport> {

    BodyHash {
        body = Require.nonNull("body", body).clone();
        Require.atLeast("rounds", rounds, 1);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public HashReport call() throws NoSuchAlgorithmException, InterruptedException {
        long start = System.nanoTime();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] digest = sha.digest(body);
        for (int i = 1; i < rounds; i++) {
            if ((i & 0x3FF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("sha256Report interrupted at round " + i);
            }
            digest = sha.digest(digest);
        }
        return new HashReport(HexFormat.of().formatHex(digest), body.length, ExecutionSite.here(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BodyHash other && rounds == other.rounds && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(body) + rounds;
    }

    @Override
    public String toString() {
        return "BodyHash[" + body.length + " bytes, rounds=" + rounds + "]";
    }
}
