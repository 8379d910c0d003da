package concurrencylab.tasks;

import concurrencylab.util.Require;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs a loopback URL and returns the body length. See {@link LabTasks#fetchLength}. */
record HttpLength(URI uri, long timeoutMillis) implements PortableCallable<Integer> {

    HttpLength {
        Loopback.requireUrl("url", uri);
        Require.atLeast("timeoutMillis", timeoutMillis, 1);
    }

    static URI parse(String url) {
        try {
            return URI.create(Require.nonNull("url", url));
        } catch (IllegalArgumentException e) {
            IllegalArgumentException malformed = Require.invalid("url", "a valid http:// or https:// URL", "'" + url + "'");
            malformed.initCause(e);
            throw malformed;
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Duration timeout = Duration.ofMillis(timeoutMillis);
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw new IOException("GET " + uri + " returned HTTP " + status);
            }
            return response.body().length;
        }
    }
}
