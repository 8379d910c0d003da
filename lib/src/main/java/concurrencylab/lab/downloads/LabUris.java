package concurrencylab.lab.downloads;

import concurrencylab.tasks.Loopback;
import concurrencylab.util.Require;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the URLs a downloader is given: http(s) on loopback only, decided without DNS
 * ({@link Loopback#requireUrl}). Stateless and thread-safe.
 */
final class LabUris {

    private LabUris() {
    }

    /**
     * Parses text URLs.
     *
     * @throws NullPointerException     if the list or a URL is null
     * @throws IllegalArgumentException naming the first malformed, non-http(s) or non-loopback one
     */
    static List<URI> parse(List<String> urls) {
        List<String> texts = Require.noNulls("urls", urls);
        List<URI> uris = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                uris.add(new URI(texts.get(i)));
            } catch (URISyntaxException e) {
                IllegalArgumentException malformed = Require.invalid("urls[" + i + "]", "a valid URL (" + e.getReason()
                        + " at index " + e.getIndex() + ")", "'" + texts.get(i) + "'");
                malformed.initCause(e);
                throw malformed;
            }
        }
        return check(uris);
    }

    /**
     * Checks URIs and returns an unmodifiable copy.
     *
     * @throws NullPointerException     if the list or a URI is null
     * @throws IllegalArgumentException naming the first non-http(s) or non-loopback one
     */
    static List<URI> check(List<URI> uris) {
        List<URI> checked = Require.noNulls("uris", uris);
        for (int i = 0; i < checked.size(); i++) {
            Loopback.requireUrl("uris[" + i + "]", checked.get(i));
        }
        return checked;
    }
}
