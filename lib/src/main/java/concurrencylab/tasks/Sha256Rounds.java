package concurrencylab.tasks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes a text with SHA-256, then re-hashes the digest. See {@link LabTasks#sha256Hex}. */
record Sha256Rounds(String text, int rounds) implements PortableCallable<String> {

    Sha256Rounds {
        if (text == null) {
            throw new IllegalArgumentException("sha256Hex needs a text, got null");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("sha256Hex needs rounds >= 1, got " + rounds);
        }
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
