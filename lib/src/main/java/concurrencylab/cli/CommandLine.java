package concurrencylab.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The one argument parser of every command ({@code ./course bench NAME}, {@code ./course scan}):
 * a command declares its options once, and gets parsing, errors and {@code --help} from them.
 * {@snippet :
 * static final CommandLine CLI = CommandLine.command("./course bench cpu", "CPU-bound work on the four models.")
 *         .out("where the CSV files go")
 *         .number("--runs", 5, 1, 100, "timed runs per model");
 *
 * CommandLine.Parsed a = CLI.parseOrExit(args);   // null after --help; exit 2 on a bad argument
 * int runs = a.number("--runs");
 * }
 *
 * <p>Options are {@code --name value} pairs (a later one wins, so {@code ./course bench cpu
 * --out datasets/reference} overrides the launcher's own {@code --out build/bench}), switches
 * without a value, at most one positional argument, and, for a command that hands options to
 * another tool, pass-through pairs. {@code -h} or {@code --help} anywhere before a bad argument
 * stops parsing and asks for the usage. Every error is an {@link IllegalArgumentException}
 * saying what was wrong and what is accepted:
 * <ul>
 *   <li>an unknown option: {@code unknown option '--fast'; accepted: --out DIR, --runs N, --help};</li>
 *   <li>a missing or blank value: {@code option --runs needs a value; accepted: 1..100};</li>
 *   <li>a number that is not whole: {@code --runs 'five' is not a whole number; accepted: 1..100};</li>
 *   <li>a number out of range: {@code --runs '0' is out of range; accepted: 1..100};</li>
 *   <li>a missing or second positional: {@code no HOST given; accepted: ...},
 *       {@code more than one host ('a', 'b'); accepted: exactly one HOST}.</li>
 * </ul>
 *
 * <p>Thread safety: immutable; each {@code with}-style method ({@link #out}, {@link #number},
 * ...) returns a new command line, so a {@code static final} one can be shared.
 */
final class CommandLine {

    /** The folder benchmark CSV files go to unless {@code --out} says otherwise. */
    static final String DEFAULT_OUT = "build/bench";

    private enum Kind { OUT, NUMBER, TEXT, SWITCH }

    /**
     * One declared option.
     *
     * @param checked whether the parser checks the range (false: the library the value goes to
     *                checks it, and {@code min..max} is only what the usage and errors say)
     */
    private record Option(String name, Kind kind, String valueName, Object defaultValue, int min, int max,
            boolean checked, String help) {
        String accepted() {
            return switch (kind) {
                case NUMBER -> min + ".." + max;
                case OUT -> "a folder";
                case TEXT -> valueName;
                case SWITCH -> "no value";
            };
        }

        String synopsis() {
            return kind == Kind.SWITCH ? name : name + " " + valueName;
        }
    }

    /** A positional argument: its name in the usage, and what is accepted. */
    private record Positional(String name, String accepted, String help) {
    }

    private final String command;
    private final String summary;
    private final List<Option> options;
    private final Positional positional;
    private final String passThrough;
    private final String footer;

    private CommandLine(String command, String summary, List<Option> options, Positional positional,
            String passThrough, String footer) {
        this.command = command;
        this.summary = summary;
        this.options = List.copyOf(options);
        this.positional = positional;
        this.passThrough = passThrough;
        this.footer = footer;
    }

    /**
     * Starts the declaration of a command.
     *
     * @param command what the user types, e.g. {@code ./course bench cpu}
     * @param summary what it does, one or more lines, shown under the usage line
     */
    static CommandLine command(String command, String summary) {
        return new CommandLine(Objects.requireNonNull(command), Objects.requireNonNull(summary), List.of(), null,
                null, "");
    }

    /** Adds {@code --out DIR}, default {@value #DEFAULT_OUT}. */
    CommandLine out(String help) {
        return with(new Option("--out", Kind.OUT, "DIR", Path.of(DEFAULT_OUT), 0, 0, true,
                help + " (default " + DEFAULT_OUT + ")"));
    }

    /** Adds {@code --out DIR} with no default: parsing fails without it. */
    CommandLine requiredOut(String help) {
        return with(new Option("--out", Kind.OUT, "DIR", null, 0, 0, true, help + " (required)"));
    }

    /** Adds a whole-number option {@code name N}, checked against {@code min..max}. */
    CommandLine number(String name, int defaultValue, int min, int max, String help) {
        return number(name, "N", defaultValue, min, max, help);
    }

    /** Adds a whole-number option {@code name VALUE}, checked against {@code min..max}. */
    CommandLine number(String name, String valueName, int defaultValue, int min, int max, String help) {
        checkRange(name, defaultValue, min, max);
        return with(new Option(name, Kind.NUMBER, valueName, defaultValue, min, max, true, help));
    }

    /**
     * Adds a whole-number option whose range the library it is passed to checks (so that the
     * range lives in one place): the parser only checks that it is a whole number, and shows
     * {@code min..max} in the usage and in its errors.
     */
    CommandLine numberCheckedBy(String name, String valueName, int defaultValue, int min, int max, String help) {
        checkRange(name, defaultValue, min, max);
        return with(new Option(name, Kind.NUMBER, valueName, defaultValue, min, max, false, help));
    }

    /** Adds a text option {@code name VALUE} with a default (null: none, {@link Parsed#text} returns null). */
    CommandLine text(String name, String valueName, String defaultValue, String help) {
        return with(new Option(name, Kind.TEXT, valueName, defaultValue, 0, 0, true, help));
    }

    /** Adds a switch: an option without a value, false unless given. */
    CommandLine flag(String name, String help) {
        return with(new Option(name, Kind.SWITCH, "", false, 0, 0, true, help));
    }

    /** Declares the one positional argument, required. */
    CommandLine positional(String name, String accepted, String help) {
        return new CommandLine(command, summary, options, new Positional(name, accepted, help), passThrough, footer);
    }

    /**
     * Lets unknown {@code -name value} pairs through, in order, for another tool; {@code what}
     * names them in the usage and the errors (e.g. {@code JMH options}).
     */
    CommandLine passThrough(String what) {
        return new CommandLine(command, summary, options, positional, what, footer);
    }

    /** Adds lines at the end of the usage (e.g. the exit statuses). */
    CommandLine footer(String text) {
        return new CommandLine(command, summary, options, positional, passThrough, text);
    }

    private CommandLine with(Option option) {
        for (Option o : options) {
            if (o.name().equals(option.name())) {
                throw new IllegalStateException("option " + option.name() + " declared twice for " + command);
            }
        }
        List<Option> all = new ArrayList<>(options);
        all.add(option);
        return new CommandLine(command, summary, all, positional, passThrough, footer);
    }

    private static void checkRange(String name, int defaultValue, int min, int max) {
        if (min > max || defaultValue < min || defaultValue > max) {
            throw new IllegalStateException(name + ": default " + defaultValue + " outside " + min + ".." + max);
        }
    }

    /** Returns what the user types to run this command. */
    String command() {
        return command;
    }

    /**
     * Parses {@code args}.
     *
     * @throws IllegalArgumentException on a bad argument; the message says what was wrong and
     *     what is accepted
     */
    Parsed parse(String[] args) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Option o : options) {
            values.put(o.name(), o.defaultValue());
        }
        List<String> positionals = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Parsed(true, values, null, passed);
            }
            Option o = find(arg);
            if (o == null && arg.startsWith("-") && arg.length() > 1) {
                if (passThrough == null) {
                    throw new IllegalArgumentException("unknown option '" + arg + "'; accepted: " + accepted());
                }
                passed.add(arg);
                passed.add(value(arg, args, ++i, passThrough + " given as pairs, e.g. -i 5"));
                continue;
            }
            if (o == null) {
                positionals.add(arg);
                continue;
            }
            if (o.kind() == Kind.SWITCH) {
                values.put(o.name(), true);
                continue;
            }
            String value = value(o.name(), args, ++i, o.accepted());
            values.put(o.name(), switch (o.kind()) {
                case OUT -> Path.of(value);
                case NUMBER -> whole(o, value);
                default -> value;
            });
        }
        for (Option o : options) {
            if (o.kind() == Kind.OUT && values.get(o.name()) == null) {
                throw new IllegalArgumentException("option --out is missing; accepted: --out DIR, " + o.help());
            }
        }
        return new Parsed(false, values, positional(positionals), passed);
    }

    private Option find(String name) {
        for (Option o : options) {
            if (o.name().equals(name)) {
                return o;
            }
        }
        return null;
    }

    private String positional(List<String> given) {
        if (positional == null) {
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unexpected argument '" + given.getFirst() + "'; accepted: "
                        + accepted());
            }
            return null;
        }
        if (given.isEmpty()) {
            throw new IllegalArgumentException("no " + positional.name() + " given; accepted: " + positional.accepted());
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("more than one " + positional.name().toLowerCase(Locale.ROOT) + " ('"
                    + String.join("', '", given) + "'); accepted: exactly one " + positional.name());
        }
        return given.getFirst();
    }

    private static String value(String option, String[] args, int i, String accepted) {
        if (i >= args.length || args[i].isBlank()) {
            throw new IllegalArgumentException("option " + option + " needs a value; accepted: " + accepted);
        }
        return args[i];
    }

    private static int whole(Option o, String text) {
        int n;
        try {
            n = Integer.parseInt(text.strip());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(o.name() + " '" + text + "' is not a whole number; accepted: "
                    + o.accepted());
        }
        if (o.checked() && (n < o.min() || n > o.max())) {
            throw new IllegalArgumentException(o.name() + " '" + text + "' is out of range; accepted: " + o.accepted());
        }
        return n;
    }

    private String accepted() {
        List<String> names = new ArrayList<>();
        options.forEach(o -> names.add(o.synopsis()));
        if (passThrough != null) {
            names.add(passThrough);
        }
        if (positional != null) {
            names.add(positional.name());
        }
        names.add("--help");
        return String.join(", ", names);
    }

    /** Returns the usage: the synopsis, the summary, every option with its range and default, the footer. */
    String usage() {
        var s = new StringBuilder("Usage: ").append(command);
        for (Option o : options) {
            s.append(" [").append(o.synopsis()).append(']');
        }
        if (passThrough != null) {
            s.append(" [").append(passThrough).append(']');
        }
        if (positional != null) {
            s.append(' ').append(positional.name());
        }
        s.append('\n').append(summary.strip()).append("\n\nOptions:\n");
        for (Option o : options) {
            s.append(String.format(Locale.ROOT, "  %-16s %s%n", o.synopsis(), describe(o)));
        }
        if (passThrough != null) {
            s.append(String.format(Locale.ROOT, "  %-16s %s%n", "-NAME VALUE", passThrough + ", as pairs"));
        }
        if (positional != null) {
            s.append(String.format(Locale.ROOT, "  %-16s %s%n", positional.name(), positional.help()));
        }
        s.append(String.format(Locale.ROOT, "  %-16s %s%n", "--help", "show this help"));
        if (!footer.isBlank()) {
            s.append(footer.strip()).append('\n');
        }
        return s.toString();
    }

    private static String describe(Option o) {
        return switch (o.kind()) {
            case NUMBER -> String.format(Locale.ROOT, "%s, %d..%d (default %d)", o.help(), o.min(), o.max(),
                    (Integer) o.defaultValue());
            case TEXT -> o.defaultValue() == null ? o.help() : o.help() + " (default " + o.defaultValue() + ")";
            default -> o.help();
        };
    }

    /**
     * Parses {@code args} for a main: after {@code --help} prints the usage to standard output
     * and returns null (the main then returns, exit status 0); on a bad argument prints
     * {@code course ...: what was wrong; accepted: ...} and where the help is to standard error
     * and exits with status 2.
     */
    Parsed parseOrExit(String[] args) {
        Parsed parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            reportError(e, System.err);
            System.exit(2);
            return null;
        }
        if (parsed.help()) {
            System.out.print(usage());
            return null;
        }
        return parsed;
    }

    /** Prints a parse error the way every command does: the message, then where the help is. */
    void reportError(IllegalArgumentException e, PrintStream err) {
        err.println(command.replaceFirst("^\\./", "") + ": " + e.getMessage());
        err.println("Run " + command + " --help for the options.");
    }

    /** The parsed values; an immutable snapshot. */
    static final class Parsed {
        private final boolean help;
        private final Map<String, Object> values;
        private final String positional;
        private final List<String> passThrough;

        private Parsed(boolean help, Map<String, Object> values, String positional, List<String> passThrough) {
            this.help = help;
            this.values = new LinkedHashMap<>(values);
            this.positional = positional;
            this.passThrough = List.copyOf(passThrough);
        }

        /** Returns whether {@code --help} was asked for (nothing after it was parsed). */
        boolean help() {
            return help;
        }

        /** Returns {@code --out}. */
        Path out() {
            return (Path) declared("--out");
        }

        /** Returns a whole-number option's value. */
        int number(String name) {
            return (Integer) declared(name);
        }

        /** Returns a text option's value, or null if it has no default and was not given. */
        String text(String name) {
            return (String) values.get(known(name));
        }

        /** Returns whether a switch was given. */
        boolean flag(String name) {
            return (Boolean) declared(name);
        }

        /** Returns the positional argument (null when the command declares none). */
        String positional() {
            return positional;
        }

        /** Returns the pass-through pairs, in the order given. */
        List<String> passThrough() {
            return passThrough;
        }

        private Object declared(String name) {
            return values.get(known(name));
        }

        private String known(String name) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("no option " + name + " was declared");
            }
            return name;
        }
    }
}
