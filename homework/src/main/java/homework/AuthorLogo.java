package homework;

/**
 * Exercise 3, the easter egg: the course author's signature 程序员晚枫 as a coloured logo
 * (yours to write).
 *
 * <p>{@link #ansi()} is for a terminal: lines coloured with ANSI SGR sequences
 * ({@code ESC[...m}), every coloured line ending with a reset {@code ESC[0m}.
 * {@link #html()} is for the notebook: a well-formed HTML fragment (XHTML, so it parses as
 * XML) whose inline styles carry the colours; no scripts. Both show the signature as text and
 * use at least three colours.
 */
public final class AuthorLogo {

    /** The signature every logo must contain. */
    public static final String SIGNATURE = "程序员晚枫";

    private AuthorLogo() {
    }

    /** Returns the logo for a terminal, coloured with ANSI escape sequences. */
    public static String ansi() {
        throw new UnsupportedOperationException("TODO: exercise 3, the logo with ANSI colours");
    }

    /** Returns the logo as an HTML fragment for the notebook. */
    public static String html() {
        throw new UnsupportedOperationException("TODO: exercise 3, the logo as HTML");
    }
}
