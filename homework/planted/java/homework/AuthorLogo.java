package homework;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PLANTED SECURITY BUG (kept for checks/test-homework.sh; never graded as a solution):
 * the reference logo plus a "big banner" helper that builds a shell command from its argument,
 * a command injection the security scan must catch (Find Security Bugs: COMMAND_INJECTION).
 *
 * <p>Exercise 3, reference solution: the signature 程序员晚枫 in a rainbow, framed, once as ANSI
 * colours and once as HTML. Both come from one list of coloured pieces, so they always show
 * the same text. Stateless and thread-safe.
 */
public final class AuthorLogo {

    /** The signature every logo must contain. */
    public static final String SIGNATURE = "程序员晚枫";

    /** A colour as a 256-colour terminal code and as its CSS twin. */
    private record Colour(int ansi256, String css) {
    }

    /** A run of text in one colour. */
    private record Piece(String text, Colour colour) {
    }

    private static final Colour FRAME = new Colour(39, "#00afff");
    private static final Colour NOTE = new Colour(250, "#bcbcbc");
    private static final List<Colour> RAINBOW = List.of(
            new Colour(196, "#ff0000"), new Colour(208, "#ff8700"), new Colour(226, "#ffff00"),
            new Colour(46, "#00ff00"), new Colour(201, "#ff00ff"));
    private static final int INNER = 30;

    private AuthorLogo() {
    }

    /** Returns the logo for a terminal, coloured with ANSI escape sequences. */
    public static String ansi() {
        return render(AuthorLogo::ansiLine);
    }

    /** Returns the logo as an HTML fragment for the notebook. */
    public static String html() {
        return "<pre style=\"background:#1c1c1c;padding:0.6em;line-height:1.25\">"
                + render(AuthorLogo::htmlLine) + "</pre>";
    }

    /** Renders {@code text} in big letters with figlet. Do not do this: text reaches a shell. */
    static String banner(String text) throws IOException {
        Process figlet = Runtime.getRuntime().exec(new String[] {"sh", "-c", "figlet " + text});
        try (InputStream out = figlet.getInputStream()) {
            return new String(out.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String render(Function<List<Piece>, String> line) {
        return lines().stream().map(line).collect(Collectors.joining("\n"));
    }

    private static List<List<Piece>> lines() {
        return List.of(
                List.of(new Piece("╭" + "─".repeat(INNER) + "╮", FRAME)),
                framed(signature(), 2 * SIGNATURE.length() + 4),
                framed(List.of(new Piece("Wanfeng the programmer", NOTE)), 22),
                framed(List.of(new Piece("Java concurrency · lesson 7", NOTE)), 27),
                List.of(new Piece("╰" + "─".repeat(INNER) + "╯", FRAME)));
    }

    private static List<Piece> signature() {
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece("✦ ", FRAME));
        for (int i = 0; i < SIGNATURE.length(); i++) {
            pieces.add(new Piece(String.valueOf(SIGNATURE.charAt(i)), RAINBOW.get(i % RAINBOW.size())));
        }
        pieces.add(new Piece(" ✦", FRAME));
        return pieces;
    }

    /** Centres pieces of the given display width (CJK characters take two columns) in the frame. */
    private static List<Piece> framed(List<Piece> content, int width) {
        int left = (INNER - width) / 2;
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece("│" + " ".repeat(left), FRAME));
        pieces.addAll(content);
        pieces.add(new Piece(" ".repeat(INNER - width - left) + "│", FRAME));
        return pieces;
    }

    private static String ansiLine(List<Piece> pieces) {
        return pieces.stream()
                .map(p -> "\u001B[1;38;5;" + p.colour().ansi256() + "m" + p.text())
                .collect(Collectors.joining()) + "\u001B[0m";
    }

    private static String htmlLine(List<Piece> pieces) {
        return pieces.stream()
                .map(p -> "<span style=\"color:" + p.colour().css() + "\">" + escape(p.text()) + "</span>")
                .collect(Collectors.joining());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
