package concurrencylab.tasks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GETs a loopback URL and returns the body length. See {@link LabTasks#fetchLength}. */
record HttpLength(URI uri, long timeoutMillis) implements PortableCallable<Integer> {

    HttpLength {
        if (uri == null) {
            throw new IllegalArgumentException("fetchLength needs a URL, got null");
        }
        if (timeoutMillis < 1) {
            throw new IllegalArgumentException("fetchLength needs timeoutMillis >= 1, got " + timeoutMillis);
        }
        requireLoopbackHttp(uri);
    }

    static URI parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("fetchLength needs a URL, got null");
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fetchLength needs a valid http:// URL, got '" + url + "'", e);
        }
    }

    private static void requireLoopbackHttp(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("fetchLength accepts http:// or https:// URLs, got '" + uri + "'");
        }
        String host = uri.getHost();
        if (host == null || !Loopback.isLoopbackHost(host)) {
            throw new IllegalArgumentException("fetchLength only fetches from loopback (localhost, 127.0.0.0/8, [::1]):"
                    + " the course never sends traffic elsewhere; got host '" + host + "' in '" + uri + "'");
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
