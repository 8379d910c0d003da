package concurrencylab.lab.downloads;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the URLs a downloader is given: http(s) on loopback only, decided without DNS.
 * Stateless and thread-safe.
 */
final class LabUris {
    static final String ACCEPTED = "http:// or https:// URLs on loopback (localhost, 127.0.0.0/8, [::1])";

    private LabUris() {
    }

    /** Parses text URLs. @throws IllegalArgumentException naming the first malformed or non-loopback one */
    static List<URI> parse(List<String> urls) {
        if (urls == null) {
            throw new IllegalArgumentException("the URL list is missing; give a list of " + ACCEPTED);
        }
        List<URI> uris = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            if (url == null) {
                throw new IllegalArgumentException("URL #" + i + " is null; accepted: " + ACCEPTED);
            }
            try {
                uris.add(new URI(url));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("URL #" + i + " '" + url + "' is malformed (" + e.getReason()
                        + " at index " + e.getIndex() + "); accepted: " + ACCEPTED, e);
            }
        }
        return check(uris);
    }

    /** Checks URIs. @throws IllegalArgumentException naming the first null, non-http or non-loopback one */
    static List<URI> check(List<URI> uris) {
        if (uris == null) {
            throw new IllegalArgumentException("the URL list is missing; give a list of " + ACCEPTED);
        }
        for (int i = 0; i < uris.size(); i++) {
            URI uri = uris.get(i);
            if (uri == null) {
                throw new IllegalArgumentException("URL #" + i + " is null; accepted: " + ACCEPTED);
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException("URL #" + i + " '" + uri + "' is not http(s); accepted: " + ACCEPTED);
            }
            if (uri.getHost() == null || !concurrencylab.tasks.Loopback.isLoopbackHost(uri.getHost())) {
                throw new IllegalArgumentException("URL #" + i + " '" + uri + "' is not on loopback: the course never"
                        + " sends traffic elsewhere; accepted: " + ACCEPTED);
            }
        }
        return List.copyOf(uris);
    }

}
