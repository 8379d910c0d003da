package concurrencylab.lab.crawling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PageLinksTest {
    private static final URI PAGE = URI.create("http://127.0.0.1:8000/page/3");

    @Test
    @DisplayName("links are resolved against the page, deduplicated, and kept only on the same host and port")
    void sameServerLinksOnly() {
        String html = "<a href=\"/page/4\">4</a> <a href=\"page/5\">relative</a> <a href=\"/page/4\">again</a>"
                + " <a href=\"http://127.0.0.1:9000/page/1\">other port</a> <a href=\"https://example.org/\">away</a>"
                + " <a href=\"#top\">anchor</a>";
        assertEquals(List.of(URI.create("http://127.0.0.1:8000/page/4"), URI.create("http://127.0.0.1:8000/page/page/5")),
                PageLinks.links(html, PAGE));
    }

    @Test
    @DisplayName("the title is the text of the first <title>, or empty without one")
    void title() {
        assertEquals("Page 3", PageLinks.title("<html><head><title> Page 3 </title></head></html>"));
        assertEquals("", PageLinks.title("<html>no title</html>"));
    }
}
