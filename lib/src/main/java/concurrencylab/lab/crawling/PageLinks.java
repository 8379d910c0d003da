package concurrencylab.lab.crawling;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a lab page's title and the links that stay on the same server. Stateless. */
final class PageLinks {
    private static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private PageLinks() {
    }

    /** Returns the text of the first {@code <title>}, or {@code ""}. */
    static String title(String html) {
        Matcher m = TITLE.matcher(html);
        return m.find() ? m.group(1).strip() : "";
    }

    /** Returns the distinct links of {@code html}, resolved against {@code page}, same host and port only. */
    static List<URI> links(String html, URI page) {
        Set<URI> found = new LinkedHashSet<>();
        Matcher m = HREF.matcher(html);
        while (m.find()) {
            try {
                URI link = page.resolve(m.group(1).strip());
                if (sameServer(page, link)) {
                    found.add(link);
                }
            } catch (IllegalArgumentException malformed) {
                // not a link we can follow: skip it
            }
        }
        return new ArrayList<>(found);
    }

    private static boolean sameServer(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }
}
