package concurrencylab.tasks;

import concurrencylab.util.Require;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes a text with SHA-256, then re-hashes the digest. See {@link LabTasks#sha256Hex}. */
record Sha256Rounds(String text, int rounds) implements PortableCallable<String> {

    Sha256Rounds {
        Require.nonNull("text", text);
        Require.atLeast("rounds", rounds, 1);
    }

    @Override
    public String call() throws NoSuchAlgorithmException, InterruptedException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] digest = sha.digest(text.getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < rounds; i++) {
            if ((i & 0x3FF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("sha256Hex interrupted at round " + i);
            }
            digest = sha.digest(digest);
        }
        return HexFormat.of().formatHex(digest);
    }
}
