package concurrencylab.exec;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test Runnable: creates a file, a side effect visible from any process. */
record TouchFile(String path) implements Runnable, Serializable {
    @Override
    public void run() {
        try {
            Files.writeString(Path.of(path), "touched");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
