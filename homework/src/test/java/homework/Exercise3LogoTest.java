package homework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("Exercise 3: the easter-egg logo")
class Exercise3LogoTest {

    private static final String ESC = "\u001B";
    /** Any escape sequence at all: CSI (ESC [ ... final byte) or a bare ESC + one char. */
    private static final Pattern ANY_ESCAPE = Pattern.compile(ESC + "(\\[[0-?]*[ -/]*[@-~]|.)", Pattern.DOTALL);
    /** A valid SGR sequence: ESC [ numbers separated by ; then m. */
    private static final Pattern SGR = Pattern.compile(ESC + "\\[([0-9]{1,3}(;[0-9]{1,3})*)?m");
    private static final Pattern CSS_COLOR = Pattern.compile("(?:^|;|\\s)(?:color|background(?:-color)?)\\s*:\\s*([^;]+)", Pattern.CASE_INSENSITIVE);

    @Test
    @DisplayName("the ANSI logo shows the signature once its colour codes are stripped")
    void ansiLogoContainsTheSignature() {
        String plain = SGR.matcher(AuthorLogo.ansi()).replaceAll("");
        assertTrue(plain.contains(AuthorLogo.SIGNATURE), "no 程序员晚枫 in the logo text:\n" + plain);
    }

    @Test
    @DisplayName("every escape sequence in the ANSI logo is a valid SGR colour code, at least three colours")
    void ansiLogoUsesOnlyValidColourCodes() {
        String logo = AuthorLogo.ansi();
        Matcher any = ANY_ESCAPE.matcher(logo);
        Set<String> colours = new HashSet<>();
        int sequences = 0;
        while (any.find()) {
            sequences++;
            String seq = any.group();
            if (!SGR.matcher(seq).matches()) {
                fail("not an SGR colour sequence: " + seq.replace(ESC, "ESC"));
            }
            String params = seq.substring(2, seq.length() - 1);
            if (!params.isEmpty() && !params.equals("0")) {
                colours.add(params);
            }
        }
        assertTrue(sequences > 0, "the ANSI logo has no escape sequences: no colour");
        assertTrue(colours.size() >= 3, "fewer than three distinct colours: " + colours);
    }

    @Test
    @DisplayName("every coloured ANSI line ends with a reset, so no colour bleeds into the terminal")
    void ansiLogoResetsEveryLine() {
        for (String line : AuthorLogo.ansi().split("\n", -1)) {
            if (line.contains(ESC)) {
                assertTrue(line.endsWith(ESC + "[0m") || line.endsWith(ESC + "[m"),
                        "a coloured line does not end with ESC[0m: " + line.replace(ESC, "ESC"));
            }
        }
    }

    @Test
    @DisplayName("the HTML logo is well-formed, script-free, and shows the signature in at least three colours")
    void htmlLogoIsWellFormedAndColoured() throws Exception {
        String html = AuthorLogo.html();
        assertFalse(html.contains(ESC), "ANSI escapes inside the HTML logo");
        Document doc = parse(html);
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains(AuthorLogo.SIGNATURE), "no 程序员晚枫 in the HTML text: " + text);
        NodeList all = doc.getElementsByTagName("*");
        Set<String> colours = new HashSet<>();
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertFalse(e.getTagName().equalsIgnoreCase("script"), "a <script> in the logo");
            for (int a = 0; a < e.getAttributes().getLength(); a++) {
                String name = e.getAttributes().item(a).getNodeName().toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on"), "an event handler attribute in the logo: " + name);
            }
            Matcher m = CSS_COLOR.matcher(e.getAttribute("style"));
            while (m.find()) {
                colours.add(m.group(1).trim().toLowerCase(Locale.ROOT));
            }
        }
        assertTrue(colours.size() >= 3, "fewer than three distinct inline colours: " + colours);
    }

    @Test
    @DisplayName("the two renderings are the same logo: same text once colours are removed")
    void ansiAndHtmlShowTheSameText() throws Exception {
        String plainAnsi = SGR.matcher(AuthorLogo.ansi()).replaceAll("");
        String plainHtml = parse(AuthorLogo.html()).getDocumentElement().getTextContent();
        assertEquals(squash(plainAnsi), squash(plainHtml));
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", "");
    }

    private static Document parse(String fragment) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        byte[] xml = ("<root>" + fragment.replace("&nbsp;", "&#160;") + "</root>").getBytes(StandardCharsets.UTF_8);
        try {
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (org.xml.sax.SAXException e) {
            throw new AssertionError("the HTML logo is not well-formed (XHTML): " + e.getMessage(), e);
        }
    }
}
